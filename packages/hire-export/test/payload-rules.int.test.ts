import { OFFER_STAGE_ID } from "@roster/sim-lever";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectedImport, findCandidates } from "./helpers/expected";
import { startWorld, type World } from "./helpers/world";

let w: World;
beforeAll(async () => {
  w = await startWorld({ opportunities: 40, seed: 7 });
});
afterAll(async () => {
  await w?.close();
});

const DAY = 86_400_000;

/**
 * An Offer-stage candidate whose interviews allow every case at once: a first interviewer (who
 * will file a second scorecard), another interview whose people sat on no other one (to be
 * canceled), and a third person on a held interview (whose scorecards will be deleted).
 */
function pickScenario() {
  const truth = w.lever.truth();
  for (const id of findCandidates(w.lever, { stage: OFFER_STAGE_ID, email: true, twoWordName: true })) {
    const interviews = [...(truth.interviews[id] ?? [])].sort((a, b) => a.date - b.date);
    if (interviews.length < 2) continue;
    const first = interviews[0]!.interviewers[0]!;
    const onOthers = (iv: (typeof interviews)[number]) =>
      new Set(interviews.filter((x) => x.id !== iv.id).flatMap((x) => x.interviewers.map((p) => p.id)));
    const toCancel = interviews.find(
      (iv) => iv.id !== interviews[0]!.id && iv.interviewers.every((p) => !onOthers(iv).has(p.id)),
    );
    if (!toCancel) continue;
    const held = interviews.filter((iv) => iv.id !== toCancel.id);
    const canceledPeople = new Set(toCancel.interviewers.map((p) => p.id));
    const unscored = held.flatMap((iv) => iv.interviewers).find((p) => p.id !== first.id && !canceledPeople.has(p.id));
    if (!unscored) continue;
    return { id, interviews, first, toCancel, unscored };
  }
  throw new Error("no seeded Offer candidate fits the scenario: pick another seed");
}

describe("the hire payload's interviewers, salary and employment type, end to end", () => {
  it("one entry per person scored by their latest scorecard; deleted and canceled count for nothing; an hourly offer goes out as offered", async () => {
    // Tried, in Lever (the simulator's recruiter edits), before hiring the candidate:
    // - their first interviewer files a second, later scorecard ("1 - Strong No Hire");
    // - another interviewer's scorecards are all deleted;
    // - an interview whose people sat on no other one is canceled (their scorecards stay filed);
    // - someone on no interview (a recruiter) files a scorecard ("3 - Hire");
    // - the offer becomes 31.5 an hour (`per-hour-wage`) with an employment type field "Part-time".
    // Then the hire's webhook → job → Zenefits import, read back over HTTP from Zenefits' list.
    // Must hold: each person once, in order of first appearance; the first interviewer scored 1
    // (their later form); the deleted one listed with no score; nobody from the canceled
    // interview; the recruiter last with 3; salary 31.5 per-hour-wage as offered plus
    // 65,520 a year marked derived; employment type part_time from the offer; the transfer
    // summary shows the same.
    const s = pickScenario();
    const truth = w.lever.truth();
    const forms = truth.feedback[s.id] ?? [];
    const latest = Math.max(...forms.map((f) => f.completedAt ?? f.createdAt));
    // Someone on no interview and with no scorecard for this candidate (a recruiter, say).
    const involved = new Set([...s.interviews.flatMap((iv) => iv.interviewers.map((p) => p.id)), ...forms.map((f) => f.user)]);
    const outsider = truth.users.find((u) => u.deactivatedAt === null && !involved.has(u.id))!;
    expect(outsider, "the seed has a user outside this candidate's interviews").toBeDefined();

    w.lever.edits.addFeedback(s.id, {
      userId: s.first.id,
      interviewId: s.interviews.at(-1)!.id,
      rating: "1 - Strong No Hire",
      completedAt: latest + DAY,
    });
    for (const form of forms.filter((f) => f.user === s.unscored.id && f.deletedAt === null)) {
      w.lever.edits.deleteFeedback(s.id, form.id);
    }
    w.lever.edits.cancelInterview(s.id, s.toCancel.id);
    w.lever.edits.addFeedback(s.id, { userId: outsider.id, rating: "3 - Hire", completedAt: latest + 2 * DAY });
    w.lever.edits.setOfferFields(s.id, {
      salary_amount: 31.5,
      salary_interval: "per-hour-wage",
      custom_employment_type: "Part-time",
    });

    expect(await w.lever.hire(s.id)).toEqual({ deliveredStatus: 202 });
    await w.runJobs();

    const [sent] = await w.importedOverHttp(s.id);
    expect(sent, "Zenefits holds the candidate").toBeDefined();
    const interviewers = sent!.interviewers as {
      name: string;
      email: string | null;
      score: number | null;
      score_label: string | null;
    }[];
    const emails = interviewers.map((i) => i.email);
    expect(new Set(emails).size, "no one is listed twice").toBe(emails.length);
    expect(interviewers[0]).toEqual({ name: s.first.name, email: s.first.email, score: 1, score_label: "1 - Strong No Hire" });
    expect(interviewers.find((i) => i.email === s.unscored.email)).toEqual({
      name: s.unscored.name,
      email: s.unscored.email,
      score: null,
      score_label: null,
    });
    for (const p of s.toCancel.interviewers)
      expect(emails, `${p.name} sat only on the canceled interview`).not.toContain(p.email);
    expect(interviewers.at(-1)).toEqual({ name: outsider.name, email: outsider.email, score: 3, score_label: "3 - Hire" });
    // And the whole list is the one the rules written out in the oracle give.
    const expected = await expectedImport(w.lever, s.id);
    expect(interviewers).toEqual(expected.interviewers);

    const currency = expected.salary.currency;
    expect(sent!.salary).toEqual({
      amount: 31.5,
      currency,
      interval: "per-hour-wage",
      annual_equivalent: { amount: 65520, currency, derived: true, assumption: "2080 hours a year (40 h × 52 weeks)" },
    });
    expect(sent!.employment_type).toEqual({ type: "part_time", as_written: "Part-time", source: "offer" });

    const [transfer] = await w.transfers(s.id);
    expect(transfer).toMatchObject({ status: "succeeded", attempts: 1 });
    const summary = transfer!.summary as Record<string, unknown>;
    expect(summary.salary).toEqual(sent!.salary);
    expect(summary.interviewers).toEqual(interviewers);
    expect(summary.employment_type).toEqual(sent!.employment_type);
    expect(summary.lever).toMatchObject({ salary_amount: 31.5, salary_interval: "per-hour-wage" });
  });
});
