import { createHmac, timingSafeEqual } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type LeverSim, startLeverSim } from "../src/index";
import { api, apiJson, readJson, startReceiver, waitFor } from "./helpers";

/** The reference's verifier, verbatim (§5 Signature verification). */
function verifyLever(body: { token: string; triggeredAt: number; signature?: string }, key: string): boolean {
  if (!body.signature) return false;
  const mac = createHmac("sha256", key).update(`${body.token}${body.triggeredAt}`).digest("hex");
  const a = Buffer.from(mac);
  const b = Buffer.from(body.signature);
  return a.length === b.length && timingSafeEqual(a, b);
}

const SIGNING = "test-signing-token-0123456789";

describe("webhooks", () => {
  let sim: LeverSim;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let statusFor: (n: number) => number = () => 200;
  beforeAll(async () => {
    sim = await startLeverSim({ rateLimit: false, webhookRetryDelaysMs: [20, 40, 60, 80, 100] });
    receiver = await startReceiver((n) => statusFor(n));
  });
  afterEach(() => {
    statusFor = () => 200;
    receiver.received.length = 0;
    sim.setWebhook(null);
  });
  afterAll(async () => {
    await sim.close();
    await receiver.close();
  });

  const activeIn = (stage: string) => sim.opportunityIdsInStage(stage);

  it("hire archives with the Hired reason and delivers candidateArchiveChange then a signed candidateHired", async () => {
    sim.setWebhook({ url: receiver.url, signatureToken: SIGNING });
    const id = activeIn(sim.ids.offerStageId)[0] ?? "";
    const result = await sim.hire(id);
    expect(result).toEqual({ deliveredStatus: 200 });
    expect(receiver.received.map((r) => r.body.event)).toEqual(["candidateArchiveChange", "candidateHired"]);
    const hired = receiver.received[1];
    expect(hired?.headers["user-agent"]).toBe("Lever-Webhooks");
    expect(hired?.headers["content-type"]).toBe("application/json");
    expect(Object.keys(hired?.body ?? {})).toEqual(["triggeredAt", "event", "data", "signature", "token"]);
    expect(hired?.body.data).toEqual({ opportunityId: id, candidateId: id, contactId: expect.any(String) });
    expect(hired?.body.token).toMatch(/^[0-9a-f]{48}$/);
    expect(hired?.body.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyLever(hired?.body, SIGNING)).toBe(true);
    expect(verifyLever(hired?.body, "some-other-token")).toBe(false);
    const archiveChange = receiver.received[0]?.body.data;
    expect(archiveChange).toMatchObject({
      fromArchived: null,
      toArchived: { reason: sim.ids.hiredArchiveReasonId, archivedAt: expect.any(Number) },
    });
    const { data } = await apiJson(sim, `/v1/opportunities/${id}`);
    expect(data.archived.reason).toBe(sim.ids.hiredArchiveReasonId);
    expect(sim.opportunityIdsInStage("hired")).toContain(id);
    const offers = (await apiJson(sim, `/v1/opportunities/${id}/offers`)).data;
    expect(offers.at(-1).status).toBe("signed");
  });

  it("moveToOffer changes stage, creates an offer and delivers candidateStageChange with from/to ids", async () => {
    sim.setWebhook({ url: receiver.url, signatureToken: SIGNING });
    const id = activeIn("applicant-new")[0] ?? "";
    await sim.moveToOffer(id);
    const [delivery] = receiver.received;
    expect(delivery?.body.event).toBe("candidateStageChange");
    expect(delivery?.body.data).toEqual({
      opportunityId: id,
      candidateId: id,
      contactId: expect.any(String),
      toStageId: sim.ids.offerStageId,
      fromStageId: "applicant-new",
    });
    expect(verifyLever(delivery?.body, SIGNING)).toBe(true);
    const { data } = await apiJson(sim, `/v1/opportunities/${id}`);
    expect(data.stage).toBe(sim.ids.offerStageId);
    expect(data.stageChanges.at(-1).toStageId).toBe(sim.ids.offerStageId);
    expect((await apiJson(sim, `/v1/opportunities/${id}/offers`)).data.at(-1).status).toBe("sent");
  });

  it("retries a failing receiver with the configured delays and stops at the first 2xx", async () => {
    sim.setWebhook({ url: receiver.url, signatureToken: SIGNING, events: ["candidateHired"] });
    statusFor = (n) => (n < 2 ? 500 : 200);
    const id = activeIn(sim.ids.offerStageId)[0] ?? "";
    expect(await sim.hire(id)).toEqual({ deliveredStatus: 500 });
    await waitFor(() => receiver.received.length === 3);
    await new Promise((r) => setTimeout(r, 150));
    expect(receiver.received).toHaveLength(3);
    // Retries resend the identical body (same token, timestamp and signature).
    expect(new Set(receiver.received.map((r) => r.raw)).size).toBe(1);
    const entry = sim.webhookLog().findLast((e) => e.event === "candidateHired");
    expect(entry).toMatchObject({ opportunityId: id, attempts: 3, lastStatus: 200, statuses: [500, 500, 200], done: true });
  });

  it("gives up after five retries (six attempts) when the receiver keeps failing, 3xx included", async () => {
    sim.setWebhook({ url: receiver.url, events: ["candidateStageChange"] });
    statusFor = () => 302;
    const id = activeIn("applicant-new")[0] ?? "";
    await sim.moveToStage(id, "lead-new");
    await waitFor(() => sim.webhookLog().at(-1)?.done === true);
    expect(sim.webhookLog().at(-1)).toMatchObject({ attempts: 6, lastStatus: 302 });
    expect(receiver.received).toHaveLength(6);
  });

  it("replays the last delivery byte for byte and forges one whose signature does not verify", async () => {
    sim.setWebhook({ url: receiver.url, signatureToken: SIGNING });
    await sim.moveToOffer(activeIn("applicant-new")[0] ?? "");
    expect(await sim.replayLastWebhook()).toBe(200);
    expect(receiver.received[1]?.raw).toBe(receiver.received[0]?.raw);
    expect(await sim.sendForgedWebhook()).toBe(200);
    const forged = receiver.received[2]?.body;
    expect(forged.event).toBe("candidateHired");
    expect(forged.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyLever(forged, SIGNING)).toBe(false);
    expect(
      sim
        .webhookLog()
        .map((e) => e.kind)
        .slice(-3),
    ).toEqual(["event", "replay", "forged"]);
  });

  it("sends the verify ping as candidateHired with data {} and a valid signature", async () => {
    sim.setWebhook({ url: receiver.url, signatureToken: SIGNING });
    expect(await sim.verifyWebhook()).toBe(200);
    const ping = receiver.received[0]?.body;
    expect(ping).toMatchObject({ event: "candidateHired", data: {} });
    expect(verifyLever(ping, SIGNING)).toBe(true);
  });

  it("emits the same events for the API's PUT stage and PUT archived, and for API-created webhooks", async () => {
    const created = await api(sim, "/v1/webhooks", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ url: receiver.url, event: "candidateHired" }),
    });
    expect(created.status).toBe(201);
    const {
      data: { data: hook },
    } = await readJson(created);
    expect(hook.configuration.signatureToken).toBe(sim.webhookSignatureToken);
    const id = activeIn(sim.ids.offerStageId)[0] ?? "";
    const archived = await api(sim, `/v1/opportunities/${id}/archived`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ reason: sim.ids.hiredArchiveReasonId }),
    });
    expect(archived.status).toBe(200);
    await waitFor(() => receiver.received.length === 1);
    expect(receiver.received.map((r) => r.body.event)).toEqual(["candidateHired"]);
    expect(verifyLever(receiver.received[0]?.body, sim.webhookSignatureToken)).toBe(true);
    expect((await api(sim, `/v1/webhooks/${hook.id}`, { method: "DELETE" })).status).toBe(204);
    const badStage = await api(sim, `/v1/opportunities/${activeIn("applicant-new")[0]}/stage`, {
      method: "PUT",
      body: JSON.stringify({ stage: "no-such-stage" }),
    });
    expect(badStage.status).toBe(404);
  });

  it("sends nothing and reports null when no webhook is configured", async () => {
    expect(await sim.hire(activeIn(sim.ids.offerStageId)[0] ?? "")).toEqual({ deliveredStatus: null });
    expect(receiver.received).toHaveLength(0);
  });
});
