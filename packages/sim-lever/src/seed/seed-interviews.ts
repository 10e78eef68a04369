import type { Feedback, FeedbackField, Interview, Panel, User } from "../model";
import { stageIndex } from "./catalog";
import { DAY, HOUR, type SeedContext } from "./seed-context";
import type { OpportunityPlan } from "./seed-opportunities";

export const RATINGS = ["4 - Strong Hire", "3 - Hire", "2 - No Hire", "1 - Strong No Hire"] as const;
const ROUNDS = [
  { subject: "Phone screen", stage: "2ca03d97-d4f2-4a97-89de-96c8b0d07924", duration: 30 },
  { subject: "On-site interview", stage: "8d5c0e2f-3a41-4b6f-a7c9-1e2d3f4a5b02", duration: 60 },
  { subject: "Culture conversation", stage: "8d5c0e2f-3a41-4b6f-a7c9-1e2d3f4a5b02", duration: 45 },
] as const;
const PHONE_INTERVIEW_INDEX = stageIndex("2ca03d97-d4f2-4a97-89de-96c8b0d07924");

/** Template ids are account configuration: drawn once per account. */
interface Templates {
  interview: string;
  fieldIds: { rating: string; communication: string; depth: string; skills: string; notes: string };
}

function feedbackFields(ctx: SeedContext, t: Templates): FeedbackField[] {
  const { prng } = ctx;
  const rating = prng.weighted(RATINGS, [2, 4, 2, 1]);
  return [
    {
      id: t.fieldIds.rating,
      type: "score-system",
      text: "Rating",
      required: true,
      options: RATINGS.map((text) => ({ text })),
      value: rating,
    },
    { id: t.fieldIds.communication, type: "score", text: "Communication", required: false, value: prng.int(1, 4) },
    {
      id: t.fieldIds.depth,
      type: "score",
      text: "Technical depth",
      required: false,
      value: prng.chance(0.1) ? null : prng.int(1, 4),
    },
    {
      id: t.fieldIds.skills,
      type: "scorecard",
      text: "Skills assessment",
      required: false,
      scores: [
        { text: "Ownership", description: "Takes responsibility" },
        { text: "Collaboration", description: "Works well with others" },
      ],
      value: [
        { score: prng.int(1, 4), comment: "Solid examples" },
        { score: prng.int(1, 4), comment: "" },
      ],
    },
    { id: t.fieldIds.notes, type: "textarea", text: "Notes / Comments", required: false, value: `Overall: ${rating}.` },
  ];
}

function seedRound(
  ctx: SeedContext,
  plan: OpportunityPlan,
  round: (typeof ROUNDS)[number],
  at: number,
  t: Templates,
  pool: User[],
): void {
  const { prng, store } = ctx;
  const o = plan.opportunity;
  const interviewers = [prng.pick(pool)];
  const second = prng.pick(pool);
  if (prng.chance(0.5) && second.id !== interviewers[0]?.id) interviewers.push(second);
  const panelId = prng.uuid();
  const interviewId = prng.uuid();
  const forms: Feedback[] = interviewers.map((user, i) => {
    const completedAt = at + (2 + i) * HOUR;
    return {
      id: prng.uuid(),
      type: "interview",
      text: round.subject,
      instructions: "Rate the candidate on each competency.",
      baseTemplateId: t.interview,
      interview: interviewId,
      panel: panelId,
      user: user.id,
      createdAt: at + round.duration * 60_000,
      updatedAt: completedAt,
      completedAt,
      // An occasional deleted scorecard: connectors must skip forms with deletedAt set.
      deletedAt: prng.chance(0.05) ? completedAt + DAY : null,
      fields: feedbackFields(ctx, t),
    };
  });
  const interview: Interview = {
    id: interviewId,
    panel: panelId,
    subject: `${round.subject} - ${o.name}`,
    note: "",
    interviewers: interviewers.map((u) => ({ id: u.id, name: u.name, email: u.email, feedbackTemplate: t.interview })),
    timezone: "America/Los_Angeles",
    createdAt: at - 2 * DAY,
    date: at,
    duration: round.duration,
    location: prng.pick(["Zoom", "Office - Room 4", "Google Meet"]),
    feedbackTemplate: t.interview,
    feedbackForms: forms.map((f) => f.id),
    feedbackReminder: "once",
    user: o.owner,
    stage: round.stage,
    canceledAt: null,
    postings: [plan.posting.id],
    gcalEventUrl: null,
  };
  const panel: Panel = {
    id: panelId,
    applications: o.applications,
    canceledAt: null,
    createdAt: interview.createdAt,
    start: at,
    end: at + round.duration * 60_000,
    timezone: interview.timezone,
    feedbackReminder: "once",
    user: o.owner,
    stage: round.stage,
    note: "",
    externallyManaged: false,
    externalUrl: null,
    interviews: [interview],
  };
  store.listFor(store.interviews, o.id).push(interview);
  store.listFor(store.panels, o.id).push(panel);
  store.listFor(store.feedback, o.id).push(...forms);
}

/** Interviews, panels and scorecards for everyone who reached the phone interview or beyond. */
export function seedInterviews(ctx: SeedContext, plans: readonly OpportunityPlan[], interviewers: User[]): void {
  const { prng } = ctx;
  const templates: Templates = {
    interview: prng.uuid(),
    fieldIds: { rating: prng.uuid(), communication: prng.uuid(), depth: prng.uuid(), skills: prng.uuid(), notes: prng.uuid() },
  };
  for (const plan of plans) {
    const o = plan.opportunity;
    const reached = Math.max(...o.stageChanges.map((c) => c.toStageIndex));
    if (reached < PHONE_INTERVIEW_INDEX) continue;
    const rounds = reached > PHONE_INTERVIEW_INDEX ? prng.int(2, 3) : 1;
    const hiringManager = ctx.store.user(plan.posting.hiringManager);
    const pool = hiringManager ? [...interviewers, hiringManager] : interviewers;
    let at = (o.stageChanges.find((c) => c.toStageIndex >= PHONE_INTERVIEW_INDEX)?.updatedAt ?? o.createdAt) + DAY;
    for (let r = 0; r < rounds; r++) {
      const round = ROUNDS[r];
      if (round) seedRound(ctx, plan, round, at, templates, pool);
      at += prng.int(1, 4) * DAY;
    }
  }
}
