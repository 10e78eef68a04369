import { z } from "zod";
import { idField } from "./fields";

/**
 * A secret or id as typed into the Lever setup form. Blank means "keep the stored value"
 * (secrets never come back to the browser); the shape of a filled-in value is checked here,
 * and Lever or Zenefits decide whether it works (Verify).
 */
const optionalSecret = (what: string) =>
  z
    .string()
    .trim()
    .max(2000, `That ${what} is too long: paste only the ${what}`)
    .refine((v) => v === "" || v.length >= 8, `That ${what} is too short: paste the whole ${what}`)
    .default("");

export const leverCredentialsInput = z.object({
  apiKey: optionalSecret("API key"),
  webhookSigningToken: optionalSecret("signing token"),
  zenefitsCompanyId: z.string().trim().max(200, "That company ID is too long").default(""),
  zenefitsClientSecret: optionalSecret("client secret"),
});
export type LeverCredentialsInput = z.input<typeof leverCredentialsInput>;

export const offersModeField = z.enum(["zenefits", "lever"], "Choose Zenefits offers or Lever offers");

/** Settings → Integrations → Lever → Save (owners). */
export const leverSaveInput = z.object({
  enabled: z.boolean(),
  credentials: leverCredentialsInput,
  /** The member emailed when an export fails; null: the owners. */
  contactUserId: idField.nullable(),
  offersMode: offersModeField,
  /** "Send hires to": one of the organisation's HRIS connections; null: the Zenefits import channel above; absent: unchanged. */
  exportTo: idField.nullable().optional(),
});
export type LeverSaveInput = z.input<typeof leverSaveInput>;

/** Verify: a real request to each side with these values; blank fields use the stored ones. */
export const leverVerifyInput = z.object({
  credentials: leverCredentialsInput.prefault({}),
  /** The HRIS connection to check instead of the Zenefits import channel. */
  exportTo: idField.nullable().optional(),
});
export type LeverVerifyInput = z.input<typeof leverVerifyInput>;

export const candidateStatusFilter = z.enum(["all", "active", "offer", "hired", "archived"]);
export type CandidateStatusFilter = z.infer<typeof candidateStatusFilter>;

/** The candidates page: by status, optionally searched by name or job. */
export const leverCandidatesInput = z
  .object({
    status: candidateStatusFilter.default("all"),
    search: z.string().trim().max(100).default(""),
    limit: z.number().int().min(1).max(500).default(200),
  })
  .prefault({});
export type LeverCandidatesInput = z.input<typeof leverCandidatesInput>;

/** "Send to Zenefits" on one candidate row (Roster's candidate id). */
export const sendToZenefitsInput = z.object({ candidateId: idField });
export type SendToZenefitsInput = z.infer<typeof sendToZenefitsInput>;

/** The transfer story: all of the organisation's, one candidate's, or only the failed ones. */
export const leverTransfersInput = z
  .object({
    candidateId: idField.optional(),
    status: z.enum(["all", "failed", "succeeded", "pending"]).default("all"),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .prefault({});
export type LeverTransfersInput = z.input<typeof leverTransfersInput>;

/** Retry by hand: re-queues the export of a failed transfer. */
export const retryTransferInput = z.object({ transferId: idField });
export type RetryTransferInput = z.infer<typeof retryTransferInput>;
