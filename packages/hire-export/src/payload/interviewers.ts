import { overallRating, type RawFeedback, type RawInterview, type RawUser } from "@roster/connector-lever";

export interface Interviewer {
  name: string;
  email: string | null;
  /** The scorecard's overall rating as Lever words it ("3 - Hire") or a 1–4 integer; null without a scorecard. */
  score: string | number | null;
}

/**
 * One entry per interviewer per interview, in interview order, scored from that interviewer's
 * scorecard for that interview (reference §6: `/interviews` interviewers joined with
 * `/feedback` on the interview id). Scorecards with no matching interview slot (e.g. an
 * assignment) follow, named from the users list.
 */
export function collectInterviewers(
  interviews: readonly RawInterview[],
  feedback: readonly RawFeedback[],
  users: Readonly<Record<string, RawUser>>,
): Interviewer[] {
  const used = new Set<string>();
  const entries: Interviewer[] = [];
  const ordered = [...interviews].sort((a, b) => (a.date ?? 0) - (b.date ?? 0));
  for (const interview of ordered) {
    for (const person of interview.interviewers ?? []) {
      const form = feedback.find((f) => f.interview === interview.id && f.user === person.id && !used.has(f.id));
      if (form) used.add(form.id);
      const name = person.name?.trim() || person.email || `Lever user ${person.id}`;
      entries.push({ name, email: person.email ?? null, score: form ? overallRating(form) : null });
    }
  }
  const known = new Map(interviews.flatMap((i) => (i.interviewers ?? []).map((p) => [p.id, p] as const)));
  const rest = feedback.filter((f) => !used.has(f.id)).sort((a, b) => (a.completedAt ?? 0) - (b.completedAt ?? 0));
  for (const form of rest) {
    const user = form.user ? (users[form.user] ?? known.get(form.user)) : undefined;
    const name = user?.name?.trim() || user?.email || `Lever user ${form.user ?? "unknown"}`;
    entries.push({ name, email: user?.email ?? null, score: overallRating(form) });
  }
  return entries;
}
