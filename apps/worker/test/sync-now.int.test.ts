import { sql } from "@roster/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disableConnection, requestSyncNow, syncJobKey } from "../src/index";
import { connectionRow, createConnection, createOrganisation, inHours } from "./helpers/fixtures";
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
  const { rows } = await sql<{ queue_name: string; payload: unknown }>`
    select j.queue_name, p.payload from graphile_worker.jobs j
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
