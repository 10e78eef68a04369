import { requestSyncNow } from "@roster/connection-policy";
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

const syncsOf = (id: string) => h.sync.calls.filter((c) => c.connectionId === id);

describe("scheduling", () => {
  it("a new connection syncs at once, then not again until 24 h later", async () => {
    // Tried: create a connection as the API does (due now) and request its initial sync,
    // run the worker, then run the scheduler again. Must hold: exactly one sync ran, with
    // trigger "initial"; afterwards it is active with next_sync_at = now + 24 h.
    const id = await createConnection(h.db, organisationId);
    expect(await requestSyncNow(h.db, id, "initial")).toBe("queued");
    await h.runJobs();
    expect(syncsOf(id)).toEqual([{ connectionId: id, trigger: "initial" }]);
    const row = await connectionRow(h.db, id);
    expect(row).toMatchObject({ status: "active", consecutive_failures: 0, failure_notified: false });
    expectNear(row.next_sync_at, inHours(24));
    expect(row.last_success_at).not.toBeNull();

    await h.runScheduler();
    expect(syncsOf(id)).toHaveLength(1);
  });

  it("schedule_due picks up a connection that is due even if no job was queued for it", async () => {
    // Tried: a never-synced connection with no job (e.g. created while the worker was down), and
    // one with next_sync_at unset. Must hold: the scheduler syncs both, with trigger "initial".
    const due = await createConnection(h.db, organisationId, { next_sync_at: new Date(Date.now() - 60_000) });
    const unset = await createConnection(h.db, organisationId, { next_sync_at: null });
    await h.runScheduler();
    expect(syncsOf(due)).toEqual([{ connectionId: due, trigger: "initial" }]);
    expect(syncsOf(unset)).toEqual([{ connectionId: unset, trigger: "initial" }]);
  });

  it("after a scheduled success the next sync is 24 h later; a not-yet-due connection is left alone", async () => {
    const id = await createConnection(h.db, organisationId, {
      last_sync_at: inHours(-24),
      last_success_at: inHours(-24),
      next_sync_at: inHours(-0.01),
    });
    const notDue = await createConnection(h.db, organisationId, { last_sync_at: inHours(-1), next_sync_at: inHours(1) });
    await h.runScheduler();
    expect(syncsOf(id)).toEqual([{ connectionId: id, trigger: "scheduled" }]);
    expectNear((await connectionRow(h.db, id)).next_sync_at, inHours(24));
    expect(syncsOf(notDue)).toEqual([]);
    expectNear((await connectionRow(h.db, notDue)).next_sync_at, inHours(1));
  });

  it("a per-connection interval overrides SYNC_INTERVAL_HOURS", async () => {
    // Tried: sync_interval_hours = 6. Must hold: next_sync_at = now + 6 h, not 24 h.
    const id = await createConnection(h.db, organisationId, { sync_interval_hours: 6 });
    await h.runScheduler();
    expect(syncsOf(id)).toHaveLength(1);
    expectNear((await connectionRow(h.db, id)).next_sync_at, inHours(6));
  });

  it("disabled connections are never scheduled, and a stale job for one does nothing", async () => {
    // Tried: a disabled connection whose next_sync_at is in the past, plus a sync job queued
    // for it directly. Must hold: no sync runs and the row is unchanged.
    const id = await createConnection(h.db, organisationId, {
      status: "disabled",
      disabled_reason: "turned off by an owner",
      next_sync_at: inHours(-1),
    });
    await h.runScheduler();
    await h.queue("sync_connection", { connectionId: id, trigger: "scheduled" });
    await h.runJobs();
    expect(syncsOf(id)).toEqual([]);
    expect(await connectionRow(h.db, id)).toMatchObject({ status: "disabled", disabled_reason: "turned off by an owner" });
  });
});
