import type { SignatureScheme } from "./webhooks/signature";

/**
 * Switches for behaviour the reference leaves uncertain, so a connector can be
 * tested against each reading instead of one guess. Defaults follow the
 * reference's best evidence; the README explains each.
 */
export interface Behaviour {
  /** `employees/changed?since=`: include changes at exactly `since` (inclusive) or only after it. */
  changedSince: "inclusive" | "exclusive";
  /** `meta/fields` lists only the fields the caller may see (Airbyte's assumption) instead of every field. */
  metaFieldsFollowPermissions: boolean;
  /** What the webhook HMAC covers. */
  webhookSignature: SignatureScheme;
  /** Legacy webhook values: `"First Name": "x"` or `"First Name": {"value": "x"}`. */
  legacyFieldValues: "plain" | "object";
  /** Header carrying the company domain when a webhook has `includeCompanyDomain` (name unverified). */
  companyDomainHeader: string;
  /** Refuse plain-http webhook URLs except to loopback receivers (BambooHR requires https). */
  webhookHttpsOnly: boolean;
}

export const DEFAULT_BEHAVIOUR: Behaviour = {
  changedSince: "inclusive",
  metaFieldsFollowPermissions: false,
  webhookSignature: "body+timestamp",
  legacyFieldValues: "plain",
  companyDomainHeader: "company-domain",
  webhookHttpsOnly: true,
};
