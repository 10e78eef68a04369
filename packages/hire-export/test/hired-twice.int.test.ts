import { OFFER_STAGE_ID } from "@roster/sim-lever";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportHire, reconcileHires, sendHireNow } from "../src/index";
import { findCandidates } from "./helpers/expected";
import { startWorld, type World } from "./helpers/world";

let w: World;
beforeAll(async () => {
  // Zenefits offers mode, so the "Send to Zenefits" path exists alongside the webhook and the periodic check.
  w = await startWorld({ opportunities: 40, seed: 9, settings: { offersMode: "zenefits" } });
});
afterAll(async () => {
  await w?.close();
});

/** Un-hires in Lever the way a recruiter's undo does: PUT …/archived {reason: null} (reference §3). */
async function unhire(opportunityId: string) {
  const res = await fetch(`${w.lever.url}/v1/opportunities/${opportunityId}/archived`, {
    method: "PUT",
    headers: {
      authorization: `Basic ${Buffer.from(`${w.lever.apiKey}:`).toString("base64")}`,
      "content-type": "application/json",
    },
    body: JSON.stringify({ reason: null }),
  });
  expect(res.status).toBe(200);
  expect(w.lever.truth().opportunities.find((o) => o.id === opportunityId)?.archived).toBeNull();
}

const candidates = () => findCandidates(w.lever, { stage: OFFER_STAGE_ID, email: true, twoWordName: true });

describe("a candidate hired twice is exported once", () => {
  it("the second hire's webhook, the periodic check, the button and a racing job all refuse, saying why", async () => {
    // Tried: hire in Lever (webhook → job → Zenefits), undo the hire, hire again (a second
    // candidateHired); then the periodic check, "Send to Zenefits", and export jobs of each
    // trigger run directly (as a job queued before the first export finished would).
    // Must hold: the second delivery is acknowledged (200) with the reason and queues nothing;
    // the check lists the hire as already sent and queues nothing; the button is refused with the
    // date; each job skips with the reason; Zenefits holds one candidate, never pushed again;
    // one transfer row.
    const id = candidates()[0]!;
    expect(await w.lever.hire(id)).toEqual({ deliveredStatus: 202 });
    await w.runJobs();
    const [first] = await w.importedOverHttp(id);
    expect(first).toMatchObject({ stage: "hired" });
    const [transfer] = await w.transfers(id);
    const sentOn = transfer!.succeeded_at!.toISOString().slice(0, 10);

    await unhire(id);
    expect(await w.lever.hire(id)).toEqual({ deliveredStatus: 200 });
    const reason = `Already sent to Zenefits as a hire on ${sentOn}`;
    expect(w.webhookResults.filter((r) => r.message.includes("not exported"))).toEqual([
      { status: 200, message: expect.stringContaining(`not exported: ${reason}`) },
    ]);
    const deliveries = (await w.deliveries())
      .filter((d) => d.event === "candidateHired")
      .sort((a, b) => a.received_at.getTime() - b.received_at.getTime());
    expect(deliveries.map((d) => d.job_queued)).toEqual([true, false]);
    expect(await w.jobs()).toEqual([]);

    const check = await reconcileHires(w.deps, w.connectionId);
    expect(check.alreadySent).toContain(id);
    expect(check.queued).not.toContain(id);

    expect(
      await sendHireNow({ db: w.db, encryptionKey: w.encryptionKey, connectionId: w.connectionId, opportunityId: id }),
    ).toEqual({
      queued: false,
      alreadySent: true,
      reason: expect.stringContaining(reason),
    });
    for (const trigger of ["webhook", "reconcile", "manual"] as const) {
      expect(await exportHire(w.deps, { connectionId: w.connectionId, opportunityId: id, trigger })).toEqual({
        status: "skipped",
        reason: expect.stringContaining(reason),
      });
    }
    await w.runJobs();

    const imported = await w.importedOverHttp(id);
    expect(imported).toHaveLength(1);
    expect(imported[0]!.updated_at, "never pushed again").toBe(first!.updated_at);
    expect(await w.transfers(id)).toMatchObject([{ status: "succeeded", attempts: 1, stage: "hired" }]);
  });

  it("sent at the offer step, the hire still goes when Lever shows it; after that the button refuses", async () => {
    // Tried: "Send to Zenefits" for an Offer candidate; the button again; then the hire in Lever.
    // Must hold: the second press is refused (offer step); the hire is exported and updates the
    // same Zenefits candidate to hired; the button then refuses it as a hire.
    const id = candidates()[1]!;
    const press = () =>
      sendHireNow({ db: w.db, encryptionKey: w.encryptionKey, connectionId: w.connectionId, opportunityId: id });
    expect(await press()).toEqual({ queued: true });
    await w.runJobs();
    const [offer] = await w.importedOverHttp(id);
    expect(offer).toMatchObject({ stage: "offer" });
    expect(await press()).toMatchObject({ queued: false, reason: expect.stringMatching(/at the offer step/) });

    expect(await w.lever.hire(id)).toEqual({ deliveredStatus: 202 });
    await w.runJobs();
    const after = await w.importedOverHttp(id);
    expect(after).toMatchObject([{ id: offer!.id, stage: "hired" }]);
    expect((await w.transfers(id)).map((t) => [t.stage, t.trigger, t.status])).toEqual([
      ["offer", "manual", "succeeded"],
      ["hired", "webhook", "succeeded"],
    ]);
    expect(await press()).toMatchObject({ queued: false, reason: expect.stringMatching(/as a hire/) });
  });
});
