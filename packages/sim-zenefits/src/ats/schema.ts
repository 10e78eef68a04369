import { z } from "zod";

/**
 * Payload of Roster's invented ATS push (reference section 9): what Lever
 * sends when a candidate is hired or reaches the offer stage. Only names and
 * e-mail are required; unknown keys are ignored.
 */
const optionalText = z.string().trim().nullish();
const currency = z.string().regex(/^[A-Z]{3}$/, "ISO 4217 code, e.g. USD");
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Expected a YYYY-MM-DD date")
  .nullish();

export const candidatePayloadSchema = z.object({
  external_id: z.string().trim().min(1).nullish(),
  first_name: z.string({ error: "Required" }).trim().min(1, "Required"),
  last_name: z.string({ error: "Required" }).trim().min(1, "Required"),
  email: z
    .string({ error: "Required" })
    .trim()
    .min(1, "Required")
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "Not an e-mail address"),
  phone: optionalText,
  job_title: optionalText,
  department: optionalText,
  work_location: optionalText,
  /** Zenefits person id or the manager's work e-mail. */
  manager: optionalText,
  start_date: isoDate,
  offer_date: isoDate,
  salary: z
    .object({
      amount: z.union([z.number().nonnegative(), z.string().regex(/^\d+(\.\d+)?$/)]),
      currency,
      /** The ATS's own interval word, e.g. "per-hour-wage"; null when the offer gives none. */
      interval: z.string().trim().min(1).nullish(),
      /** A yearly figure the sender derived for a non-yearly interval; stored as sent, never used in place of `amount`. */
      annual_equivalent: z
        .object({
          amount: z.number().nonnegative(),
          currency,
          derived: z.literal(true, "Must be true: the figure is derived"),
          assumption: z.string().trim().min(1),
        })
        .nullish(),
    })
    .nullish(),
  employment_type: z
    .object({
      type: z.enum(["full_time", "part_time", "intern", "contractor", "temporary"]).nullable(),
      as_written: z.string().trim().min(1),
      source: z.string().trim().min(1),
    })
    .nullish(),
  interviewers: z
    .array(
      z.object({
        name: z.string().trim().min(1),
        email: z.string().trim().nullish(),
        score: z.union([z.number(), z.string()]).nullish(),
        score_label: z.string().trim().nullish(),
      }),
    )
    .nullish(),
  resume: z
    .object({
      file_name: z.string().trim().min(1),
      content_type: z.string().trim().min(1),
      content_base64: z.string().regex(/^[A-Za-z0-9+/=\s]*$/, "Not base64"),
    })
    .nullish(),
  source: z.string().trim().min(1).nullish(),
  stage: z.enum(["hired", "offer"]).nullish(),
});

export type CandidatePayload = z.infer<typeof candidatePayloadSchema>;

export interface FieldProblem {
  field: string;
  message: string;
}

/** Flattens zod issues into `[{field: "salary.currency", message}]`. */
export function fieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.map(String).join(".") : "(body)",
    message: issue.message,
  }));
}
