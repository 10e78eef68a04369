import { type LeverSettings, leverSettingsSchema } from "@roster/hire-export";

/** A Lever connection's settings; unreadable ones count as exports off (as @roster/hire-export reads them). */
export function parseLeverSettings(raw: unknown): LeverSettings {
  const parsed = leverSettingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : { enabled: false, contactUserId: null, offersMode: "lever" };
}
