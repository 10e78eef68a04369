import { z } from "zod";

/**
 * `connections.settings` of the Lever connection as the Lever page reads and writes them
 * (@roster/hire-export reads the same row: offersMode names who runs offers by connector id,
 * exportTo the HRIS connection hires go to, null for the Zenefits import channel entered on
 * the page).
 */
export const leverSettingsSchema = z.object({
  enabled: z.boolean().default(true),
  contactUserId: z.string().uuid().nullable().default(null),
  offersMode: z.enum(["zenefits", "lever"]).default("lever"),
  exportTo: z.string().uuid().nullable().default(null),
});
export type LeverSettings = z.infer<typeof leverSettingsSchema>;

/** A Lever connection's settings; unreadable ones count as exports off (as @roster/hire-export reads them). */
export function parseLeverSettings(raw: unknown): LeverSettings {
  const parsed = leverSettingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : { enabled: false, contactUserId: null, offersMode: "lever", exportTo: null };
}
