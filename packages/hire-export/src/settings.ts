import { type LeverCredentials, leverCredentials } from "@roster/connector-lever";
import { type ZenefitsAtsCredentials, zenefitsAtsCredentials } from "@roster/connector-zenefits/ats";
import { z } from "zod";

/**
 * `connections.settings` of a Lever connection (plain JSON, not secret).
 * - enabled: exports run at all (webhooks are still acknowledged when off).
 * - contactUserId: the Roster user emailed when an export fails.
 * - offersMode: "lever" (default) exports hires only; "zenefits" also offers the "Send to
 *   Zenefits" button for candidates in the Offer stage (Zenefits runs the offer process).
 */
export const leverSettingsSchema = z.object({
  enabled: z.boolean().default(true),
  contactUserId: z.string().uuid().nullable().default(null),
  offersMode: z.enum(["zenefits", "lever"]).default("lever"),
});
export type LeverSettings = z.infer<typeof leverSettingsSchema>;

/**
 * The encrypted credentials of a Lever connection: the Lever side (API key, webhook signing
 * token, base URL; fields marked secret() stay secret) and the Zenefits ATS side (company id,
 * client secret, base URL).
 */
export const leverCredentialsSchema = leverCredentials.extend({
  zenefitsCompanyId: zenefitsAtsCredentials.shape.companyId,
  zenefitsClientSecret: zenefitsAtsCredentials.shape.clientSecret,
  zenefitsBaseUrl: zenefitsAtsCredentials.shape.baseUrl,
});
export type LeverExportCredentials = z.infer<typeof leverCredentialsSchema>;

export function leverSide(credentials: LeverExportCredentials): LeverCredentials {
  const { apiKey, webhookSigningToken, baseUrl } = credentials;
  return webhookSigningToken === undefined ? { apiKey, baseUrl } : { apiKey, webhookSigningToken, baseUrl };
}

export function zenefitsSide(credentials: LeverExportCredentials): ZenefitsAtsCredentials {
  return {
    companyId: credentials.zenefitsCompanyId,
    clientSecret: credentials.zenefitsClientSecret,
    baseUrl: credentials.zenefitsBaseUrl,
  };
}
