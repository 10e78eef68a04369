import { sql } from "@roster/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withCandidateLock } from "../src/candidate-lock";
import { EXPORT_BUSY_RECHECK_SECONDS, exportJobKey } from "../src/jobs";
import { exportHire } from "../src/tasks/export-hire";
import { findCandidates } from "./helpers/expected";
import { startWorld, type World } from "./helpers/world";

let w: World;
beforeAll(async () => {
  w = await startWorld({ opportunities: 60, seed: 11 });
});
afterAll(async () => {
  await w?.close();
});

/** Hires candidates in Lever with its webhook off, so only the test decides what runs. */
async function hireQuietly(count: number): Promise<string[]> {
  w.lever.setWebhook(null);
  const ids = findCandidates(w.lever, { email: true, twoWordName: true }).slice(0, count);
  expect(ids, "the seed has enough hireable candidates").toHaveLength(count);
  for (const id of ids) await w.lever.hire(id);
  return ids;
}

describe("exports of one connection run in parallel, one at a time per candidate", () => {
  it("an export of a candidate whose lock is held answers busy and reads, records and sends nothing", async () => {
    // Tried: export a hired candidate while another export of it holds its lock.
    // Must hold: "busy", no transfer row, nothing in Zenefits; once the lock is free, the same
    // export sends the candidate once.
    const [opportunityId] = await hireQuietly(1);
    const payload = { connectionId: w.connectionId, opportunityId: opportunityId!, trigger: "webhook" as const };
    const inner = await withCandidateLock(w.db, payload, () => exportHire(w.deps, payload));
    expect(inner).toEqual({ locked: true, value: { status: "busy" } });
    expect(await w.transfers(opportunityId)).toEqual([]);
    expect(w.imported(opportunityId!)).toEqual([]);

    expect(await exportHire(w.deps, payload)).toMatchObject({ status: "sent" });
    expect(w.imported(opportunityId!)).toHaveLength(1);
  });

  it("a queued export that finds its candidate busy waits and runs again later, without failing", async () => {
    // Tried: the export_hire job runs (real graphile-worker) while another export of the same
    // candidate holds the lock. Must hold: the job ends without an error or a counted attempt,
    // a job under the same key is due EXPORT_BUSY_RECHECK_SECONDS later; when it runs after the
    // lock is free, the candidate is imported once with one transfer of one attempt.
    const [opportunityId] = await hireQuietly(1);
    const payload = { connectionId: w.connectionId, opportunityId: opportunityId!, trigger: "webhook" as const };
    await sql`select graphile_worker.add_job('export_hire', ${JSON.stringify(payload)}::json,
      job_key => ${exportJobKey(w.connectionId, opportunityId!)}::text)`.execute(w.db);

    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const holding = withCandidateLock(w.db, payload, () => released);
    // The lock is taken on the holder's own connection before `released` is awaited.
    await new Promise((r) => setTimeout(r, 50));
    await w.runJobs();
    const { rows: waiting } = await sql<{ attempts: number; last_error: string | null; wait_s: number }>`
      select attempts, last_error, extract(epoch from run_at - now())::float as wait_s
      from graphile_worker.jobs where key = ${exportJobKey(w.connectionId, opportunityId!)}`.execute(w.db);
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({ attempts: 0, last_error: null });
    expect(waiting[0]!.wait_s).toBeGreaterThan(0);
    expect(waiting[0]!.wait_s).toBeLessThanOrEqual(EXPORT_BUSY_RECHECK_SECONDS);
    expect(await w.transfers(opportunityId)).toEqual([]);

    release();
    expect(await holding).toEqual({ locked: true, value: undefined });
    await w.runRetriesNow();
    expect(w.imported(opportunityId!)).toHaveLength(1);
    expect(await w.transfers(opportunityId)).toMatchObject([{ status: "succeeded", attempts: 1 }]);
    expect(await w.jobs()).toEqual([]);
  });

  it("six candidates exported at once, each twice: every one imported exactly once", async () => {
    // Tried: twelve exports started together, two for each of six hired candidates (a webhook
    // and its redelivery racing). Must hold: six "sent", the other six "busy" or "skipped"
    // (already sent); Zenefits holds each candidate once; one succeeded transfer each.
    const ids = await hireQuietly(6);
    const runs = [...ids, ...ids].map((opportunityId) =>
      exportHire(w.deps, { connectionId: w.connectionId, opportunityId, trigger: "webhook" }),
    );
    const outcomes = await Promise.all(runs);
    expect(outcomes.filter((o) => o.status === "sent")).toHaveLength(6);
    expect(outcomes.every((o) => ["sent", "busy", "skipped"].includes(o.status))).toBe(true);
    for (const id of ids) {
      expect(w.imported(id), `candidate ${id} imported once`).toHaveLength(1);
      expect(await w.transfers(id)).toMatchObject([{ status: "succeeded", attempts: 1 }]);
    }
  });
});
