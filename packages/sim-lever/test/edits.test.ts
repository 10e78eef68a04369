import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LeverSim, startLeverSim } from "../src/index";
import { apiJson, readJson, startReceiver } from "./helpers";

const admin = (sim: LeverSim, path: string, method: string, body?: unknown) =>
  fetch(`${sim.adminUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe("recruiter edits: scorecards, canceled interviews, offer terms (programmatic and /__admin)", () => {
  let sim: LeverSim;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    sim = await startLeverSim({ opportunities: 40, seed: 4, rateLimit: false });
    receiver = await startReceiver();
    sim.setWebhook({ url: receiver.url });
  });
  afterAll(async () => {
    await sim.close();
    await receiver.close();
  });

  /** A hired candidate with an interview (the seed gives every hire interviews and an offer). */
  const hired = () => {
    const truth = sim.truth();
    const id = sim.opportunityIdsInStage("hired").find((o) => (truth.interviews[o] ?? []).length > 0)!;
    return { id, interview: truth.interviews[id]![0]! };
  };

  it("a second scorecard by the same interviewer is served by the API, linked to its interview", async () => {
    // Tried: POST /__admin/.../feedback for the first interviewer of an interview, rating "1 - Strong No Hire".
    // Must hold: 201 with the form; GET /v1/.../feedback lists it after the seeded ones, with the
    // rating in its score-system field; the interview lists its id among feedbackForms.
    const { id, interview } = hired();
    const userId = interview.interviewers[0]!.id;
    const before = (sim.truth().feedback[id] ?? []).length;
    const res = await admin(sim, `/opportunities/${id}/feedback`, "POST", {
      userId,
      interviewId: interview.id,
      rating: "1 - Strong No Hire",
      completedAt: Date.UTC(2027, 0, 2),
    });
    expect(res.status).toBe(201);
    const { feedback } = await readJson(res);
    expect(feedback).toMatchObject({ user: userId, interview: interview.id, type: "interview", deletedAt: null });
    const listed = (await apiJson(sim, `/v1/opportunities/${id}/feedback`)).data as any[];
    expect(listed).toHaveLength(before + 1);
    expect(listed.at(-1)).toMatchObject({ id: feedback.id, completedAt: Date.UTC(2027, 0, 2) });
    expect(listed.at(-1).fields.find((f: any) => f.type === "score-system").value).toBe("1 - Strong No Hire");
    const served = (await apiJson(sim, `/v1/opportunities/${id}/interviews/${interview.id}`)).data;
    expect(served.feedbackForms).toContain(feedback.id);
  });

  it("a deleted scorecard stays listed with deletedAt set; a canceled interview has canceledAt, its panel too", async () => {
    const { id, interview } = hired();
    const form = sim.truth().feedback[id]!.find((f) => f.deletedAt === null)!;
    const deleted = await readJson(admin(sim, `/opportunities/${id}/feedback/${form.id}`, "DELETE"));
    expect(deleted.feedback.deletedAt).toEqual(expect.any(Number));
    const served = (await apiJson(sim, `/v1/opportunities/${id}/feedback/${form.id}`)).data;
    expect(served.deletedAt).toBe(deleted.feedback.deletedAt);

    const canceled = await readJson(admin(sim, `/opportunities/${id}/interviews/${interview.id}/cancel`, "POST"));
    expect(canceled.interview.canceledAt).toEqual(expect.any(Number));
    const listed = (await apiJson(sim, `/v1/opportunities/${id}/interviews`)).data as any[];
    expect(listed.find((i) => i.id === interview.id).canceledAt).toBe(canceled.interview.canceledAt);
    const panel = (await apiJson(sim, `/v1/opportunities/${id}/panels/${interview.panel}`)).data;
    expect(panel.canceledAt).toBe(canceled.interview.canceledAt);
  });

  it("offer fields change in place, are added, and removed with null; the API serves the new terms", async () => {
    const { id } = hired();
    const res = await admin(sim, `/opportunities/${id}/offer-fields`, "PUT", {
      fields: { salary_amount: 31.5, salary_interval: "per-hour-wage", custom_employment_type: "Part-time", custom_equity: null },
    });
    expect(res.status).toBe(200);
    const offers = (await apiJson(sim, `/v1/opportunities/${id}/offers`)).data as any[];
    const offer = offers.find((o) => o.status === "signed");
    const field = (identifier: string) => offer.fields.find((f: any) => f.identifier === identifier);
    expect(field("salary_amount").value).toBe(31.5);
    expect(field("salary_interval").value).toBe("per-hour-wage");
    expect(field("custom_employment_type")).toEqual({
      text: "employment type",
      identifier: "custom_employment_type",
      value: "Part-time",
    });
    expect(field("custom_equity")).toBeUndefined();
  });

  it("refuses what does not exist, or a bad body, and sends no webhook for any edit", async () => {
    const { id, interview } = hired();
    const statuses = await Promise.all([
      admin(sim, "/opportunities/nope/feedback", "POST", { userId: interview.interviewers[0]!.id, rating: null }),
      admin(sim, `/opportunities/${id}/feedback`, "POST", { userId: "no-such-user", rating: "3 - Hire" }),
      admin(sim, `/opportunities/${id}/feedback`, "POST", { rating: "3 - Hire" }),
      admin(sim, `/opportunities/${id}/feedback/nope`, "DELETE"),
      admin(sim, `/opportunities/${id}/interviews/nope/cancel`, "POST"),
      admin(sim, `/opportunities/${id}/offer-fields`, "PUT", { fields: { salary_amount: [1] } }),
    ]);
    expect(statuses.map((r) => r.status)).toEqual([404, 404, 400, 404, 404, 400]);
    const applicant = sim.opportunityIdsInStage("applicant-new")[0]!;
    expect((await admin(sim, `/opportunities/${applicant}/offer-fields`, "PUT", { fields: { salary_amount: 1 } })).status).toBe(
      409,
    );
    expect(receiver.received).toEqual([]);
  });

  it("reset() throws the edits away", () => {
    const { id } = hired();
    sim.edits.addFeedback(id, { userId: sim.truth().users[0]!.id, rating: "2 - No Hire" });
    const withEdit = sim.truth().feedback[id]!.length;
    sim.reset();
    expect(sim.truth().feedback[id]!.length).toBeLessThan(withEdit);
  });
});
