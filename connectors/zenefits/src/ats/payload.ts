// ROSTER ASSUMPTION (see ./README.md): the payload of an invented endpoint; field list from
// reference zenefits-api.md §9, which mirrors Lever's data and Zenefits' "Import Candidate" form.
import { z } from "zod";

const optionalText = z.string().trim().min(1).nullable().optional();
const currency = z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 code");
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a YYYY-MM-DD date")
  .nullable()
  .optional();

/** One candidate pushed to Zenefits' "Import Candidate" list, hired or at the offer step. */
export const zenefitsAtsCandidateSchema = z.object({
  /** The ATS's id for the candidacy (Lever opportunity id): Zenefits de-duplicates on it, so a re-send updates. */
  external_id: z.string().trim().min(1),
  first_name: z.string().trim().min(1),
  last_name: z.string().trim().min(1),
  email: z
    .string()
    .trim()
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "an email address"),
  phone: optionalText,
  job_title: optionalText,
  department: optionalText,
  work_location: optionalText,
  /** The manager's work email (matched to a Zenefits person's work_email) or a Zenefits person id. */
  manager: optionalText,
  start_date: isoDate,
  offer_date: isoDate,
  /** The offer's own terms: amount, currency and the ATS's interval word verbatim ("per-hour-wage"). */
  salary: z
    .object({
      amount: z.number().nonnegative(),
      currency,
      interval: z.string().trim().min(1).nullable(),
      /** For a non-yearly interval: a yearly figure Roster derived, never a replacement for the offered one. */
      annual_equivalent: z
        .object({
          amount: z.number().nonnegative(),
          currency,
          derived: z.literal(true),
          /** The working year assumed, e.g. "2080 hours a year (40 h × 52 weeks)". */
          assumption: z.string().trim().min(1),
        })
        .optional(),
    })
    .nullable()
    .optional(),
  /** Full-time, part-time…: the normalised value (null when the words name none) and the ATS's own words. */
  employment_type: z
    .object({
      type: z.enum(["full_time", "part_time", "intern", "contractor", "temporary"]).nullable(),
      as_written: z.string().trim().min(1),
      /** Where the words came from, e.g. "offer" or "posting". */
      source: z.string().trim().min(1),
    })
    .nullable()
    .optional(),
  /** One entry per person; `score` is the overall rating of their latest scorecard, `score_label` its words. */
  interviewers: z
    .array(
      z.object({
        name: z.string().trim().min(1),
        email: z.string().trim().min(1).nullable().optional(),
        score: z.number().nullable().optional(),
        score_label: z.string().trim().min(1).nullable().optional(),
      }),
    )
    .optional(),
  resume: z
    .object({
      file_name: z.string().trim().min(1),
      content_type: z.string().trim().min(1),
      content_base64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, "base64"),
    })
    .nullable()
    .optional(),
  /** The ATS the candidate comes from, e.g. "lever". */
  source: z.string().trim().min(1).default("lever"),
  stage: z.enum(["hired", "offer"]),
});
export type ZenefitsAtsCandidate = z.input<typeof zenefitsAtsCandidateSchema>;

/** What the channel answers to a push: 201 when created, 200 when an earlier push with the same external_id was updated. */
export const zenefitsAtsImportResult = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  status: z.string(),
  created: z.boolean().optional(),
});
export type ZenefitsAtsImportResult = z.infer<typeof zenefitsAtsImportResult>;
