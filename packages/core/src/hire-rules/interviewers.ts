/**
 * Who interviewed the candidate and how each of them rated them, as one list for the new hire.
 * Provider-neutral and pure: an ATS connector turns its interviews and
 * scorecards into these shapes first.
 */

/** A person as the ATS names them; `id` is the ATS's user id. */
export interface PersonRef {
  id: string | null;
  name: string | null;
  email: string | null;
}

export interface InterviewSlot {
  id: string;
  /** When it is (was) held, epoch ms; undated interviews come after dated ones. */
  date: number | null;
  canceled: boolean;
  /** In the order the ATS lists them. */
  interviewers: PersonRef[];
}

export interface Scorecard {
  id: string;
  author: PersonRef;
  /** The interview it scores, if any (assignments and shared forms have none). */
  interviewId: string | null;
  /** When it was submitted, else created, epoch ms: decides which of a person's forms is the latest. */
  at: number | null;
  deleted: boolean;
  /** The overall rating as a number (Lever: 1–4), null without one. */
  score: number | null;
  /** The overall rating in the ATS's words ("3 - Hire"). */
  scoreLabel: string | null;
}

export interface Interviewer {
  name: string;
  email: string | null;
  /** The overall rating of this person's latest scorecard; null when they never submitted one (or it gave none). */
  score: number | null;
  /** That rating in the ATS's words, kept beside the number. */
  score_label: string | null;
}

interface Entry {
  person: PersonRef;
  latest: Scorecard | null;
}

const lower = (email: string | null) => email?.trim().toLowerCase() || null;
const byTime = (a: number | null, b: number | null) => (a ?? Number.POSITIVE_INFINITY) - (b ?? Number.POSITIVE_INFINITY);

/**
 * One entry per person, in order of first appearance: the interviewers of interviews that were
 * not canceled (by date, each interview's people in listed order), then the authors of live
 * scorecards not listed yet (by when they submitted). A person is known by their ATS user id,
 * else their email. Their score is that of their latest live scorecard across all interviews.
 * Scorecards of a canceled interview count for nothing: the interview did not take place.
 */
export function collectInterviewers(interviews: readonly InterviewSlot[], scorecards: readonly Scorecard[]): Interviewer[] {
  const entries: Entry[] = [];
  const byId = new Map<string, Entry>();
  const byEmail = new Map<string, Entry>();
  const find = (p: PersonRef) => (p.id ? byId.get(p.id) : undefined) ?? byEmail.get(lower(p.email) ?? "");
  const add = (p: PersonRef): Entry | null => {
    const found = find(p);
    if (found) {
      if (p.id && !byId.has(p.id)) byId.set(p.id, found);
      return found;
    }
    if (!p.id && !lower(p.email)) return null;
    const entry: Entry = { person: p, latest: null };
    entries.push(entry);
    if (p.id) byId.set(p.id, entry);
    if (lower(p.email)) byEmail.set(lower(p.email)!, entry);
    return entry;
  };

  const held = interviews.filter((i) => !i.canceled).sort((a, b) => byTime(a.date, b.date));
  for (const interview of held) for (const person of interview.interviewers) add(person);

  const canceled = new Set(interviews.filter((i) => i.canceled).map((i) => i.id));
  const live = scorecards
    .filter((s) => !s.deleted && !(s.interviewId && canceled.has(s.interviewId)))
    .sort((a, b) => byTime(a.at, b.at));
  // Oldest first, so each person's last form seen is their latest (ties: the later one listed).
  for (const scorecard of live) {
    const entry = add(scorecard.author);
    if (entry) entry.latest = scorecard;
  }

  return entries.map(({ person, latest }) => ({
    name: person.name?.trim() || person.email?.trim() || `user ${person.id}`,
    email: person.email?.trim() || null,
    score: latest?.score ?? null,
    score_label: latest?.scoreLabel ?? null,
  }));
}
