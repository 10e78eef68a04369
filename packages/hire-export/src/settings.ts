import { z } from "zod";

/**
 * `connections.settings` of an ATS connection that exports hires (plain JSON, not secret).
 * - enabled: exports run at all (webhooks are still acknowledged when off).
 * - contactUserId: the Roster user emailed when an export fails.
 * - offersMode: the connector id of the side that runs the offer process. The ATS's own id (or
 *   none) exports hires only; the HRIS's id also lets a person send a candidate in the Offer
 *   stage by hand, when the HRIS accepts offers.
 * - exportTo: the organisation's HRIS connection hires are sent to. None: the import channel
 *   whose credentials were entered with the ATS connection.
 */
export const hireExportSettingsSchema = z.object({
  enabled: z.boolean().default(true),
  contactUserId: z.string().uuid().nullable().default(null),
  offersMode: z.string().min(1).nullable().default(null),
  exportTo: z.string().uuid().nullable().default(null),
});
export type HireExportSettings = z.infer<typeof hireExportSettingsSchema>;

/** Settings that do not parse turn exports off rather than guess. */
export function parseHireExportSettings(raw: unknown): HireExportSettings {
  const parsed = hireExportSettingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : { enabled: false, contactUserId: null, offersMode: null, exportTo: null };
}

/** Whether the HRIS side runs offers, so an Offer-stage candidate may be sent by hand. */
export function offersGoToHris(settings: HireExportSettings, atsConnectorId: string): boolean {
  return settings.offersMode !== null && settings.offersMode !== atsConnectorId;
}
