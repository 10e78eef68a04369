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

/**
 * A scorecard's overall rating: the `score-system` field (or one flagged `overall`), whose
 * value is a string like "3 - Hire" or an integer 1–4 (reference §4: accept both).
 */
export function overallRating(form: RawFeedback): string | number | null {
  const field = form.fields?.find((f) => f.type === "score-system" || f.overall === true);
  const value = field?.value;
  return typeof value === "string" || typeof value === "number" ? value : null;
}
