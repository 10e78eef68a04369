import type { ConnectorContext } from "@roster/core";
import { encode, listAll } from "../client";
import type { LeverCredentials } from "../manifest";
import { type RawFeedback, type RawInterview, rawFeedback, rawInterview } from "../raw";

type Ctx = ConnectorContext<LeverCredentials>;

/** Scheduled interviews with their interviewers' names and emails (reference §4 Interview). */
export function listInterviews(ctx: Ctx, opportunityId: string): Promise<RawInterview[]> {
  // GET /opportunities/:id/interviews — https://hire.lever.co/developer/documentation#list-all-interviews
  return listAll(ctx, `opportunities/${encode(opportunityId)}/interviews`, rawInterview);
}

/** Scorecards, without deleted ones (reference §4 Feedback: "deletedAt set → ignore the form"). */
export async function listFeedback(ctx: Ctx, opportunityId: string): Promise<RawFeedback[]> {
  // GET /opportunities/:id/feedback — https://hire.lever.co/developer/documentation#list-all-feedback
  const all = await listAll(ctx, `opportunities/${encode(opportunityId)}/feedback`, rawFeedback);
  return all.filter((form) => form.deletedAt === null);
}

type FeedbackField = NonNullable<RawFeedback["fields"]>[number];

const overallField = (form: RawFeedback): FeedbackField | undefined =>
  form.fields?.find((f) => f.type === "score-system" || f.overall === true);

/**
 * A scorecard's overall rating: the `score-system` field (or one flagged `overall`), whose
 * value is a string like "3 - Hire" or an integer 1–4 (reference §4: accept both).
 */
export function overallRating(form: RawFeedback): string | number | null {
  const value = overallField(form)?.value;
  return typeof value === "string" || typeof value === "number" ? value : null;
}

/** Lever's overall scale, best first (reference §4 Feedback: "4 - Strong Hire" … "1 - Strong No Hire"). */
const SCALE_WORDS: Readonly<Record<string, number>> = { "strong hire": 4, hire: 3, "no hire": 2, "strong no hire": 1 };
const LEADING_SCORE = /^\s*([1-4])(?!\d)/;

export interface OverallScore {
  /** 1 (strong no hire) to 4 (strong hire); null when the form gives no rating Roster can read as one. */
  score: number | null;
  /** The rating as Lever words it ("3 - Hire"); null when the form has none. */
  label: string | null;
}

/**
 * The overall rating as a number with Lever's words kept beside it. A string rating gives its
 * leading digit ("3 - Hire" → 3), else its scale words ("Hire" → 3); an integer rating gets the
 * label of the option with that number, when the field lists one.
 */
export function overallScore(form: RawFeedback): OverallScore {
  const field = overallField(form);
  const value = field?.value;
  if (typeof value === "number") {
    const score = Number.isInteger(value) && value >= 1 && value <= 4 ? value : null;
    const option = field?.options?.find((o) => o.text && LEADING_SCORE.exec(o.text)?.[1] === String(score));
    return { score, label: option?.text?.trim() || null };
  }
  if (typeof value !== "string" || value.trim() === "") return { score: null, label: null };
  const label = value.trim();
  const digit = LEADING_SCORE.exec(label)?.[1];
  if (digit) return { score: Number(digit), label };
  const words = label.toLowerCase().replace(/[\s_-]+/g, " ");
  return { score: SCALE_WORDS[words] ?? null, label };
}
