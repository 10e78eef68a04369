import { signLever } from "@roster/sim-lever";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleHireWebhook } from "../src/index";
import { findCandidates } from "./helpers/expected";
import { startWorld, type World } from "./helpers/world";

let w: World;
beforeAll(async () => {
  w = await startWorld({ opportunities: 30, seed: 11 });
});
afterAll(async () => {
  await w?.close();
});

/** What a refusal must leave behind: nothing new in the delivery log or the job queue. */
async function snapshot() {
  return { deliveries: (await w.deliveries()).length, jobs: (await w.jobs()).length };
}

function signedHire(opportunityId: string, triggeredAt: number, token = crypto.randomUUID().replaceAll("-", "")) {
  return JSON.stringify({
    triggeredAt,
    event: "candidateHired",
    data: { opportunityId, candidateId: opportunityId, contactId: "c" },
    signature: signLever(token, triggeredAt, w.lever.webhookSignatureToken),
    token,
  });
}

const post = (body: string) => fetch(w.webhookUrl, { method: "POST", body, headers: { "content-type": "application/json" } });

describe("webhook deliveries that must be refused", () => {
  let hired: string;
  beforeAll(async () => {
    hired = findCandidates(w.lever, { email: true, twoWordName: true })[0]!;
    expect(await w.lever.hire(hired)).toEqual({ deliveredStatus: 202 });
  });

  it("a forged delivery (signed with the wrong key) is refused with 401 and stores and queues nothing", async () => {
    const before = await snapshot();
    expect(await w.lever.sendForgedWebhook()).toBe(401);
    expect(w.webhookResults.at(-1)?.message).toMatch(/signature/);
    expect(await snapshot()).toEqual(before);
  });

  it("a replay of an accepted delivery (byte for byte, as Lever's Rerun) is refused with 409", async () => {
    const before = await snapshot();
    expect(await w.lever.replayLastWebhook()).toBe(409);
    expect(await snapshot()).toEqual(before);
  });

  it("a stale delivery, and one from the future, are refused with 401 even when correctly signed", async () => {
    // Tried: a candidateHired signed with the real token but triggered 10 minutes ago; one
    // triggered 10 minutes ahead; and a real delivery replayed to a receiver whose clock is 10
    // minutes later. Must hold: all refused as stale or future; nothing stored or queued.
    const before = await snapshot();
    expect((await post(signedHire(hired, Date.now() - 10 * 60_000))).status).toBe(401);
    expect(w.webhookResults.at(-1)?.message).toMatch(/stale/);
    expect((await post(signedHire(hired, Date.now() + 10 * 60_000))).status).toBe(401);
    expect(w.webhookResults.at(-1)?.message).toMatch(/future/);
    const lastReal = w.lever.webhookLog().findLast((e) => e.kind === "event")!;
    const later = await handleHireWebhook({
      db: w.db,
      encryptionKey: w.encryptionKey,
      connectionId: w.connectionId,
      body: lastReal.body,
      headers: {},
      now: new Date(Date.now() + 10 * 60_000),
    });
    expect(later.status).toBe(401);
    expect(await snapshot()).toEqual(before);
  });

  it("malformed bodies, unknown connections and a missing signature are refused", async () => {
    const before = await snapshot();
    expect((await post("not json")).status).toBe(400);
    const unsigned = JSON.parse(signedHire(hired, Date.now()));
    delete unsigned.signature;
    expect((await post(JSON.stringify(unsigned))).status).toBe(401);
    const elsewhere = await handleHireWebhook({
      db: w.db,
      encryptionKey: w.encryptionKey,
      connectionId: crypto.randomUUID(),
      body: signedHire(hired, Date.now()),
      headers: {},
    });
    expect(elsewhere.status).toBe(401);
    expect(await snapshot()).toEqual(before);
  });

  it("the Verify ping (data {}) is acknowledged with 200 and queues nothing", async () => {
    const before = await snapshot();
    expect(await w.lever.verifyWebhook()).toBe(200);
    expect((await snapshot()).jobs).toBe(before.jobs);
  });

  it("after all that, the one genuine hire was queued exactly once", async () => {
    expect((await w.jobs()).map((j) => j.key)).toEqual([`export:${w.connectionId}:${hired}`]);
    await w.runJobs();
    expect(w.imported(hired)).toHaveLength(1);
  });
});
