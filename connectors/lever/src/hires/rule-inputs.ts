import type { InterviewSlot, PersonRef, Scorecard } from "@roster/core";
import type { RawFeedback, RawInterview, RawOffer, RawPosting, RawUser } from "../raw";
import { overallScore } from "../read/interviews";
import { offerField } from "../read/offers";

/** Lever data → the provider-neutral inputs of the payload rules (interviewers, salary, employment type). */

/** Interviews (canceled ones flagged, not dropped) and scorecards with their authors named. */
export function leverInterviewInputs(
  interviews: readonly RawInterview[],
  feedback: readonly RawFeedback[],
  users: Readonly<Record<string, RawUser>>,
): { interviews: InterviewSlot[]; scorecards: Scorecard[] } {
  const listed = new Map(interviews.flatMap((i) => (i.interviewers ?? []).map((p) => [p.id, p] as const)));
  const person = (id: string): PersonRef => {
    const known = users[id] ?? listed.get(id);
    const name = known?.name?.trim() || null;
    const email = known?.email?.trim() || null;
    return { id, name: name ?? (email ? null : `Lever user ${id}`), email };
  };
  return {
    interviews: interviews.map((i) => ({
      id: i.id,
      date: i.date,
      canceled: i.canceledAt !== null,
      interviewers: (i.interviewers ?? []).map((p) => ({ id: p.id, name: p.name ?? null, email: p.email ?? null })),
    })),
    scorecards: feedback
      .filter((f): f is RawFeedback & { user: string } => typeof f.user === "string" && f.user !== "")
      .map((f) => {
        const { score, label } = overallScore(f);
        return {
          id: f.id,
          author: person(f.user),
          interviewId: f.interview ?? null,
          at: f.completedAt ?? f.createdAt,
          deleted: f.deletedAt !== null,
          score,
          scoreLabel: label,
        };
      }),
  };
}

/** The offer's terms as Lever words them (reference §4 Offer field identifiers). */
export function leverSalaryTerms(offer: RawOffer | null) {
  return {
    amount: offerField(offer, "salary_amount"),
    currency: offerField(offer, "compensation_currency"),
    interval: offerField(offer, "salary_interval"),
  };
}

/**
 * Names an offer field may carry the employment type under. Lever documents no such standard
 * field (reference §4 lists none); offer forms may add one, as a custom field (`custom_` prefix),
 * so Roster recognises it by identifier or label. A Roster assumption.
 */
const EMPLOYMENT_FIELD_NAMES = new Set(["employment_type", "employment_status", "commitment", "worker_type", "job_type"]);
const slug = (text: string | null | undefined) =>
  (text ?? "")
    .toLowerCase()
    .replace(/^custom_/, "")
    .replace(/[^a-z]+/g, "_")
    .replace(/^_|_$/g, "");

/** Where the employment type may be read, in order: an offer field, then the posting's commitment (reference §6). */
export function leverEmploymentSources(offer: RawOffer | null, posting: RawPosting | null) {
  const field = offer?.fields?.find(
    (f) => EMPLOYMENT_FIELD_NAMES.has(slug(f.identifier)) || EMPLOYMENT_FIELD_NAMES.has(slug(f.text)),
  );
  return [
    { words: field?.value ?? null, source: "offer" },
    { words: posting?.categories?.commitment ?? null, source: "posting" },
  ];
}
