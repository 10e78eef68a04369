import { BUSY_RECHECK_SECONDS, disableConnection, requestSyncNow, syncJobKey } from "@roster/connection-policy";
import { sql } from "@roster/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectionRow, createConnection, createOrganisation, expectNear, inHours } from "./helpers/fixtures";
import { type Harness, startHarness } from "./helpers/harness";

let h: Harness;
let organisationId: string;
beforeAll(async () => {
  h = await startHarness();
  organisationId = await createOrganisation(h.db, { owners: ["owner@acme.test"] });
});
afterAll(async () => {
  await h?.close();
});

async function queuedSyncJobs(connectionId: string) {
  const { rows } = await sql<{ queue_name: string; payload: unknown; run_at: Date; attempts: number; last_error: string | null }>`
    select j.queue_name, p.payload, j.run_at, j.attempts, j.last_error from graphile_worker.jobs j
    join graphile_worker._private_jobs p on p.id = j.id
    where j.key = ${syncJobKey(connectionId)}`.execute(h.db);
  return rows;
}

describe("Sync now", () => {
  it("a double click (and a concurrent third request) queues one job, and one sync runs", async () => {
    // Tried: requestSyncNow three times for a connection due tomorrow, two of them at the same
    // moment. Must hold: one job with key and queue sync:<id>, exactly one sync, trigger manual.
    const id = await createConnection(h.db, organisationId, { last_sync_at: inHours(-1), next_sync_at: inHours(23) });
    expect(await requestSyncNow(h.db, id)).toBe("queued");
    const results = await Promise.all([requestSyncNow(h.db, id), requestSyncNow(h.db, id)]);
    expect(results).toEqual(["queued", "queued"]);
    const jobs = await queuedSyncJobs(id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ queue_name: null, payload: { connectionId: id, trigger: "manual" } });

    await h.runJobs();
    expect(h.sync.calls.filter((c) => c.connectionId === id)).toEqual([{ connectionId: id, trigger: "manual" }]);
    expect(await queuedSyncJobs(id)).toHaveLength(0);
  });

  it("pressed while a sync of the connection runs, waits behind it instead of failing", async () => {
    // Tried: a manual sync whose engine finds the connection's sync lock taken (a long sync
    // running in another job or the CLI). Must hold: the job ends without an error or a used
    // attempt, the same request is queued again under the connection's key about
    // BUSY_RECHECK_SECONDS later, the failure counter is untouched, and once the running sync
    // is over the queued one runs.
    const id = await createConnection(h.db, organisationId, { last_sync_at: inHours(-1), next_sync_at: inHours(23) });
    h.sync.script(id, "busy");
    const pressedAt = new Date();
    expect(await requestSyncNow(h.db, id)).toBe("queued");
    await h.runJobs();

    const waiting = await queuedSyncJobs(id);
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({ payload: { connectionId: id, trigger: "manual" }, attempts: 0, last_error: null });
    expectNear(waiting[0]!.run_at, new Date(pressedAt.getTime() + BUSY_RECHECK_SECONDS * 1000), 10_000);
    expect(await connectionRow(h.db, id)).toMatchObject({ status: "active", consecutive_failures: 0 });

    // The running sync has finished: the waiting request comes due and syncs.
    await sql`update graphile_worker._private_jobs set run_at = now() where key = ${syncJobKey(id)}`.execute(h.db);
    await h.runJobs();
    expect(h.sync.calls.filter((c) => c.connectionId === id)).toEqual([
      { connectionId: id, trigger: "manual" },
      { connectionId: id, trigger: "manual" },
    ]);
    expect(await queuedSyncJobs(id)).toHaveLength(0);
    expect((await connectionRow(h.db, id)).last_success_at).not.toBeNull();
  });

  it("carries the asking request's id into the job and to the engine, also after waiting behind a running sync", async () => {
    // Tried: requestSyncNow with a request id while the connection's sync lock is taken, then
    // again once it is free. Must hold: the queued job's payload has the id, the job queued again
    // behind the running sync keeps it, and the engine is called with it both times.
    const id = await createConnection(h.db, organisationId, { last_sync_at: inHours(-1), next_sync_at: inHours(23) });
    h.sync.script(id, "busy");
    expect(await requestSyncNow(h.db, id, "manual", new Date(), "req-42")).toBe("queued");
    expect((await queuedSyncJobs(id))[0]?.payload).toEqual({ connectionId: id, trigger: "manual", requestId: "req-42" });
    await h.runJobs();
    expect((await queuedSyncJobs(id))[0]?.payload).toEqual({ connectionId: id, trigger: "manual", requestId: "req-42" });

    await sql`update graphile_worker._private_jobs set run_at = now() where key = ${syncJobKey(id)}`.execute(h.db);
    await h.runJobs();
    const asked = { connectionId: id, trigger: "manual", requestId: "req-42" };
    expect(h.sync.calls.filter((c) => c.connectionId === id)).toEqual([asked, asked]);
  });

  it("refuses a disabled or unknown connection", async () => {
    const disabled = await createConnection(h.db, organisationId, { status: "disabled", next_sync_at: null });
    expect(await requestSyncNow(h.db, disabled)).toBe("disabled");
    expect(await requestSyncNow(h.db, "00000000-0000-0000-0000-000000000000")).toBe("not_found");
    expect(await queuedSyncJobs(disabled)).toHaveLength(0);
  });

  it("disableConnection removes a waiting sync job and stops scheduling", async () => {
    // Tried: queue a sync, then disable before it runs. Must hold: the job is gone, the row is
    // disabled with the reason and no next sync, and running the worker syncs nothing.
    const id = await createConnection(h.db, organisationId);
    await requestSyncNow(h.db, id);
    expect(await disableConnection(h.db, id, "paused by an owner")).toBe(true);
    expect(await queuedSyncJobs(id)).toHaveLength(0);
    expect(await connectionRow(h.db, id)).toMatchObject({
      status: "disabled",
      disabled_reason: "paused by an owner",
      next_sync_at: null,
    });
    await h.runScheduler();
    expect(h.sync.calls.filter((c) => c.connectionId === id)).toEqual([]);
  });

  it("can join the caller's transaction and rolls back with it", async () => {
    const id = await createConnection(h.db, organisationId, { next_sync_at: inHours(5) });
    await expect(
      h.db.transaction().execute(async (trx) => {
        await requestSyncNow(trx, id);
        throw new Error("the API's audit write failed");
      }),
    ).rejects.toThrow("audit write failed");
    expect(await queuedSyncJobs(id)).toHaveLength(0);
  });
});
