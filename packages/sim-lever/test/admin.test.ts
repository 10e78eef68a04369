import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LeverSim, startLeverSim } from "../src/index";
import { api, readJson, startReceiver } from "./helpers";

function admin(sim: LeverSim, path: string, method = "GET", body?: unknown): Promise<Response> {
  return fetch(`${sim.adminUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe("admin HTTP endpoints (/__admin, no auth)", () => {
  let sim: LeverSim;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    sim = await startLeverSim({ rateLimit: false });
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await sim.close();
    await receiver.close();
  });

  it("sets the webhook, hires and moves to Offer, firing deliveries", async () => {
    expect((await admin(sim, "/webhook", "PUT", { url: receiver.url })).status).toBe(200);
    const offerId = sim.opportunityIdsInStage(sim.ids.offerStageId)[0];
    const hire = await admin(sim, `/opportunities/${offerId}/hire`, "POST");
    expect(await readJson(hire)).toEqual({ deliveredStatus: 200 });
    const applicant = sim.opportunityIdsInStage("applicant-new")[0];
    expect((await admin(sim, `/opportunities/${applicant}/offer`, "POST")).status).toBe(204);
    expect(receiver.received.map((r) => r.body.event)).toEqual([
      "candidateArchiveChange",
      "candidateHired",
      "candidateStageChange",
    ]);
    const log = await readJson(admin(sim, "/webhook/log"));
    expect(log.deliveries).toHaveLength(3);
    expect((await admin(sim, `/opportunities/${offerId}/hire`, "POST")).status).toBe(409);
    expect((await admin(sim, "/opportunities/nope/hire", "POST")).status).toBe(404);
    expect((await readJson(admin(sim, "/webhook/forged", "POST"))).status).toBe(200);
  });

  it("validates bodies with 400 and applies faults", async () => {
    expect((await admin(sim, "/faults", "PUT", { errorRate: 2 })).status).toBe(400);
    expect((await admin(sim, "/faults", "PUT", { unknownFault: 1 })).status).toBe(400);
    expect((await admin(sim, "/webhook", "PUT", { url: "not a url" })).status).toBe(400);
    const set = await admin(sim, "/faults", "PUT", { errorRate: 1 });
    expect((await readJson(set)).faults.errorRate).toBe(1);
    expect((await api(sim, "/v1/stages")).status).toBe(500);
    expect((await admin(sim, "/faults", "DELETE")).status).toBe(204);
    expect((await api(sim, "/v1/stages")).status).toBe(200);
  });

  it("creates and revokes API keys", async () => {
    const { apiKey } = await readJson(admin(sim, "/api-keys", "POST", {}));
    expect((await api(sim, "/v1/stages", { key: apiKey })).status).toBe(200);
    expect((await admin(sim, `/api-keys/${apiKey}`, "DELETE")).status).toBe(204);
    expect((await api(sim, "/v1/stages", { key: apiKey })).status).toBe(401);
  });

  it("counts API requests by route pattern and status, and serves truth and stage lists", async () => {
    await admin(sim, "/requests", "DELETE");
    const id = sim.truth().opportunities[1]?.id;
    await api(sim, `/v1/opportunities/${id}`);
    await api(sim, `/v1/opportunities/${id}/offers`);
    await api(sim, "/v1/opportunities", { key: null });
    const log = await readJson(admin(sim, "/requests"));
    expect(log).toEqual({
      total: 3,
      byPath: { "GET /v1/opportunities/:id": 1, "GET /v1/opportunities/:id/offers": 1, "GET /v1/opportunities": 1 },
      byStatus: { "200": 2, "401": 1 },
    });
    const truth = await readJson(admin(sim, "/truth"));
    expect(truth.opportunities).toHaveLength(60);
    const hired = await readJson(admin(sim, "/stages/hired/opportunities"));
    expect(hired.ids).toEqual(sim.opportunityIdsInStage("hired"));
  });

  it("resets to the seeded state", async () => {
    expect((await admin(sim, "/reset", "POST")).status).toBe(204);
    expect(sim.webhookLog()).toEqual([]);
    expect(sim.requestLog().total).toBe(0);
    expect(await readJson(admin(sim, "/webhook"))).toEqual({ webhook: null });
  });
});
