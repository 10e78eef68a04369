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

describe("hire in Lever → webhook → job → Zenefits import", () => {
  it("sends a hired candidate with every field right, and records the transfer", async () => {
    // Tried: hire an Offer-stage candidate with a resume, interviews and scorecards in sim-lever;
    // its webhooks go over HTTP to the receiver (handleHireWebhook); the worker runs the job.
    // Must hold: the archive change is acknowledged, the hire queues one job; Zenefits holds
    // one candidate equal field by field to the oracle computed from Lever's data; the
    // transfer row tells the story (name, what was sent without bytes, success, 1 attempt, id).
    const [id] = findCandidates(w.lever, { stage: OFFER_STAGE_ID, email: true, resume: true, twoWordName: true });
    expect(id, "the seed has a hireable candidate with a resume").toBeDefined();
    const opportunityId = id!;
    expect(await w.lever.hire(opportunityId)).toEqual({ deliveredStatus: 202 });
    expect(w.webhookResults.map((r) => r.status)).toEqual([200, 202]);
    expect(await w.jobs()).toMatchObject([{ task_identifier: "export_hire", key: `export:${w.connectionId}:${opportunityId}` }]);

    await w.runJobs();

    const imported = await w.importedOverHttp(opportunityId);
    expect(imported).toHaveLength(1);
    const expected = await expectedImport(w.lever, opportunityId);
    expect(expected.interviewers.length, "the oracle has interviewers to compare").toBeGreaterThan(0);
    expect(expected.resume?.content_base64.length, "the oracle has a resume to compare").toBeGreaterThan(0);
    const { id: zenefitsId, company_id, status, created_at, updated_at, ...sent } = imported[0]!;
    expect(sent).toEqual(expected);
    expect(status).toBe("available_for_import");

    const [transfer] = await w.transfers(opportunityId);
    expect(transfer).toMatchObject({
      status: "succeeded",
      attempts: 1,
      stage: "hired",
      trigger: "webhook",
      candidate_name: w.lever.truth().opportunities.find((o) => o.id === opportunityId)?.name,
      hris_record_id: zenefitsId,
      error: null,
    });
    const summary = transfer!.summary as Record<string, any>;
    expect(summary.email).toBe(expected.email);
    expect(summary.salary).toEqual(expected.salary);
    expect(summary.interviewers).toEqual(expected.interviewers);
    expect(summary.resume).toMatchObject({ file_name: expected.resume!.file_name, source: "resume" });
    expect(JSON.stringify(summary)).not.toContain(expected.resume!.content_base64.slice(0, 40));
    expect(await w.jobs(), "the job is done").toEqual([]);
    expect(await w.exportEmails()).toEqual([]);
  });

  it("a burst of duplicate hire webhooks gives one job and one import", async () => {
    // Tried: hire a candidate, then five more validly signed candidateHired deliveries for it at
    // once (distinct tokens, as separate Lever deliveries would have), then one more after the
    // export. Must hold: one job at any time, one Zenefits candidate, one transfer row; the
    // delivery after the export is acknowledged (200) without a job.
    const [id] = findCandidates(w.lever, { email: true, twoWordName: true });
    const opportunityId = id!;
    await w.lever.hire(opportunityId);
    const { signLever } = await import("@roster/sim-lever");
    const deliver = async () => {
      const token = crypto.randomUUID().replaceAll("-", "");
      const triggeredAt = Date.now();
      const body = {
        triggeredAt,
        event: "candidateHired",
        data: { opportunityId, candidateId: opportunityId, contactId: "c" },
        signature: signLever(token, triggeredAt, w.lever.webhookSignatureToken),
        token,
      };
      const res = await fetch(w.webhookUrl, {
        method: "POST",
        body: JSON.stringify(body),
        headers: { "content-type": "application/json" },
      });
      return res.status;
    };
    expect(await Promise.all(Array.from({ length: 5 }, deliver))).toEqual([202, 202, 202, 202, 202]);
    const key = `export:${w.connectionId}:${opportunityId}`;
    expect((await w.jobs()).filter((j) => j.key === key)).toHaveLength(1);
    await w.runJobs();
    expect(w.imported(opportunityId)).toHaveLength(1);
    // After the export, a further delivery is acknowledged and queues nothing: the hire was sent.
    expect(await deliver()).toBe(200);
    expect(w.webhookResults.at(-1)?.message).toMatch(/not exported: Already sent to Zenefits as a hire/);
    expect(await w.jobs()).toEqual([]);
    await w.runJobs();
    expect(w.imported(opportunityId)).toHaveLength(1);
    expect(await w.transfers(opportunityId)).toMatchObject([{ status: "succeeded", attempts: 1 }]);
  });
});
