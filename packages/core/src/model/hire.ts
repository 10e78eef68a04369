import { z } from "zod";
import { isoDate } from "./common";

/** Roster's employment types; the provider's own words are kept beside them. */
export const employmentTypes = ["full_time", "part_time", "intern", "contractor", "temporary"] as const;

const text = z.string().trim().min(1);
const currency = z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 code");

/**
 * A hired (or offer-stage) candidate as an ATS connector supplies it and an HRIS connector's
 * `importHire` action takes it: the fields Roster promises to carry from the ATS to the HRIS.
 * Nothing is invented: a value the ATS does not hold is null, and derived values say so.
 */
export const hireSchema = z.object({
  /** The ATS's id of the candidacy: the HRIS side de-duplicates on it, so a re-send updates. */
  externalId: text,
  /** The ATS connector's id, e.g. "lever". */
  source: text,
  stage: z.enum(["hired", "offer"]),
  firstName: text,
  lastName: text,
  email: z
    .string()
    .trim()
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "an email address"),
  phone: text.nullable(),
  jobTitle: text.nullable(),
  department: text.nullable(),
  workLocation: text.nullable(),
  /** Reports-to: who they are in the ATS; the HRIS matches the email to one of its people. */
  manager: z.object({ name: text.nullable(), email: text }).nullable(),
  startDate: isoDate.nullable(),
  offerDate: isoDate.nullable(),
  /** The offer's own terms: amount, currency and the ATS's interval word verbatim ("per-hour-wage"). */
  salary: z
    .object({
      amount: z.number().nonnegative(),
      currency,
      interval: text.nullable(),
      /** For a non-yearly interval: a yearly figure Roster derived, never a replacement for the offered one. */
      annualEquivalent: z
        .object({
          amount: z.number().nonnegative(),
          currency,
          derived: z.literal(true),
          /** The working year assumed, e.g. "2080 hours a year (40 h × 52 weeks)". */
          assumption: text,
        })
        .nullable(),
    })
    .nullable(),
  /** Full-time, part-time…: the normalised value (null when the words name none) and the ATS's words. */
  employmentType: z.object({ type: z.enum(employmentTypes).nullable(), asWritten: text, source: text }).nullable(),
  /** One entry per person, in order of first appearance; score from their latest scorecard. */
  interviewers: z.array(
    z.object({
      name: text,
      email: text.nullable(),
      score: z.number().nullable(),
      scoreLabel: text.nullable(),
    }),
  ),
  /** The first resume, else the first file. */
  document: z
    .object({
      fileName: text,
      contentType: text,
      contentBase64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, "base64"),
      source: z.enum(["resume", "file"]),
    })
    .nullable(),
});
export type Hire = z.infer<typeof hireSchema>;

/** What an HRIS answers to an imported hire: its own id for the new person (or import), and a status word. */
export const importedHireSchema = z.object({
  remoteId: text,
  status: text,
  /** False when an earlier import with the same externalId was updated. */
  created: z.boolean().nullable(),
});
export type ImportedHire = z.infer<typeof importedHireSchema>;
