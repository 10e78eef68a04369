import { requestSyncNow, syncJobKey } from "@roster/connection-policy";
import { sql } from "@roster/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectionRow, createConnection, createOrganisation } from "./helpers/fixtures";
import { type Harness, startHarness } from "./helpers/harness";
import { SCRIPTED_ERROR } from "./helpers/scripted-sync";

let h: Harness;
let organisationId: string;
beforeAll(async () => {
  h = await startHarness();
  organisationId = await createOrganisation(h.db, { owners: ["owner@acme.test"] });
});
afterAll(async () => {
  await h?.close();
});

/** What a worker killed after the engine's last commit leaves: a finished run, the job not done. */
async function runFinishedThenWorkerKilled(connectionId: string, outcomeApplied: boolean): Promise<string> {
  await requestSyncNow(h.db, connectionId, "manual");
  const { rows } = await sql<{ id: string }>`select id from graphile_worker.jobs where key = ${syncJobKey(connectionId)}`.execute(
    h.db,
  );
  // The attempt that ran: counted, and begun before the run it started.
  await sql`update graphile_worker._private_jobs set attempts = 1, created_at = now() - interval '1 minute'
    where id = ${rows[0]!.id}`.execute(h.db);
  const run = await h.db
    .insertInto("sync_runs")
    .values({
      organisation_id: organisationId,
      connection_id: connectionId,
      trigger: "manual",
      status: "failed",
      finished_at: new Date(),
      error_kind: SCRIPTED_ERROR.kind,
      error_message: SCRIPTED_ERROR.message,
      outcome_applied_at: outcomeApplied ? new Date() : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return run.id;
}

const runsOf = (connectionId: string) =>
  h.db.selectFrom("sync_runs").select(["id", "outcome_applied_at"]).where("connection_id", "=", connectionId).execute();

describe("a sync job retried after its worker was killed", () => {
  it("applies the outcome of the run the killed attempt finished, once, and syncs no second time", async () => {
    // Tried: the engine recorded a failed run, then the worker died before the policy ran; the
    // job's retry. Must hold: no new sync, the one run's outcome applied (failing, counter 1,
    // one failure email), and a further retry changes nothing.
    const id = await createConnection(h.db, organisationId, { notification_email: "ops@acme.test" });
    const runId = await runFinishedThenWorkerKilled(id, false);
    const callsBefore = h.sync.calls.length;
    await h.runJobs();
    expect(h.sync.calls.length).toBe(callsBefore);
    const runs = await runsOf(id);
    expect(runs.map((r) => r.id)).toEqual([runId]);
    expect(runs[0]!.outcome_applied_at).not.toBeNull();
    expect(await connectionRow(h.db, id)).toMatchObject({ status: "failing", consecutive_failures: 1 });
    await h.catcher.waitFor((m) => m.subject === "Sync failed: Acme Zenefits" && m.to.includes("ops@acme.test"));
    expect(h.catcher.messages().filter((m) => m.to.includes("ops@acme.test"))).toHaveLength(1);
  });

  it("does nothing when the killed attempt had applied the outcome too", async () => {
    // Tried: the run and its outcome both committed, the job not marked done. Must hold: no new
    // sync, no second outcome (the counter stays 0, no email).
    const id = await createConnection(h.db, organisationId, { notification_email: "calm@acme.test" });
    await runFinishedThenWorkerKilled(id, true);
    const callsBefore = h.sync.calls.length;
    await h.runJobs();
    expect(h.sync.calls.length).toBe(callsBefore);
    expect(await runsOf(id)).toHaveLength(1);
    expect(await connectionRow(h.db, id)).toMatchObject({ consecutive_failures: 0 });
    expect(h.catcher.messages().filter((m) => m.to.includes("calm@acme.test"))).toEqual([]);
  });
});
