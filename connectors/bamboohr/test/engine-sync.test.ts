import { sql } from "@roster/db";
import { createSyncConnection, createTestDatabase, type SyncConnectionFixture, type TestDatabase } from "@roster/db/testing";
import { createLogger } from "@roster/logger";
import { type BambooHrSim, startBambooHrSim } from "@roster/sim-bamboohr";
import { type RunSyncInput, runSync } from "@roster/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bamboohr } from "../src/index";
import { credentialsFor, fastRetry } from "./harness";

// BambooHR through the sync engine: a full read, then changes reads between full reads, and
// re-reads of the employees a webhook named, each compared with a fresh full read.
let testDb: TestDatabase;
let sim: BambooHrSim;

beforeAll(async () => {
  testDb = await createTestDatabase();
  sim = await startBambooHrSim({ employees: 120, seed: 9 });
});
afterAll(async () => {
  await sim?.close();
  await testDb?.drop();
});

async function sync(connection: SyncConnectionFixture, extra: Partial<RunSyncInput> = {}) {
  const row = await testDb.db
    .selectFrom("connections")
    .select(["last_success_at", "last_full_sync_at"])
    .where("id", "=", connection.id)
    .executeTakeFirstOrThrow();
  return runSync({
    db: testDb.db,
    connector: bamboohr,
    credentials: credentialsFor(sim),
    connection: { ...connection, lastSuccessAt: row.last_success_at, lastFullSyncAt: row.last_full_sync_at },
    trigger: "manual",
    log: createLogger("test", { level: "silent" }),
    retry: fastRetry,
    ...extra,
  });
}

/** What a connection holds of every table a stream fills, without Roster's own ids and times. */
async function stored(connectionId: string) {
  const tables = ["employees", "departments", "locations", "employments", "custom_fields", "custom_field_values"];
  const out: Record<string, unknown[]> = {};
  for (const table of tables) {
    const { rows } = await sql<Record<string, unknown>>`
      select to_jsonb(t) - 'id' - 'organisation_id' - 'connection_id' - 'created_at' - 'updated_at'
        - 'manager_id' - 'department_id' - 'location_id' - 'remote_data' - 'remote_updated_at'
        - 'remote_deleted_at' - 'search_text' as row
      from ${sql.table(table)} t where connection_id = ${connectionId} and remote_deleted_at is null
      order by remote_id`.execute(testDb.db);
    out[table] = rows.map((r) => r.row);
  }
  return out;
}

describe("BambooHR through the sync engine", () => {
  let incremental: SyncConnectionFixture;

  it("reads in full first, then only the changes, ending where a fresh full read does", async () => {
    incremental = await createSyncConnection(testDb.db, { connectorId: "bamboohr", displayName: "BambooHR" });
    const first = await sync(incremental);
    expect(first).toMatchObject({ status: "succeeded", mode: "full" });
    const total = first.counts.employees?.read ?? 0;
    expect(total).toBeGreaterThan(100);

    // Tried: fields changed, people added, terminated and deleted at BambooHR between syncs.
    const change = sim.mutate({ change: 5, add: 3, terminate: 2, delete: 2 });
    const second = await sync(incremental);
    // Must hold: a changes read, which reads only a few employees, deletes what BambooHR says
    // is gone, and leaves the connection exactly as a full read of the same data would.
    expect(second).toMatchObject({ status: "succeeded", mode: "changes" });
    expect(second.counts.employees?.read ?? 0).toBeLessThan(total / 4);
    expect(second.counts.employees?.deleted).toBe(change.deleted.length);
    const fresh = await createSyncConnection(testDb.db, {
      connectorId: "bamboohr",
      displayName: "BambooHR",
      organisation: "Fresh read",
    });
    expect((await sync(fresh)).mode).toBe("full");
    expect(await stored(incremental.id)).toEqual(await stored(fresh.id));
    const gone = await testDb.db
      .selectFrom("employees")
      .select("remote_id")
      .where("connection_id", "=", incremental.id)
      .where("remote_deleted_at", "is not", null)
      .execute();
    expect(gone.map((g) => g.remote_id).sort()).toEqual([...change.deleted].sort());
  });

  it("reads everything again once the last full read is older than the manifest allows", async () => {
    const days = (bamboohr.manifest.fullSyncEveryHours ?? 168) / 24 + 1;
    await sql`update connections set last_full_sync_at = now() - make_interval(days => ${days})
      where id = ${incremental.id}`.execute(testDb.db);
    const outcome = await sync(incremental);
    expect(outcome).toMatchObject({ status: "succeeded", mode: "full" });
    const row = await testDb.db
      .selectFrom("connections")
      .select("last_full_sync_at")
      .where("id", "=", incremental.id)
      .executeTakeFirstOrThrow();
    expect(Date.now() - (row.last_full_sync_at?.getTime() ?? 0)).toBeLessThan(3_600_000);
  });

  it("re-reads just the employees a webhook named, and nothing else", async () => {
    const [changedId] = sim.mutate({ change: 1 }).changed;
    const before = await stored(incremental.id);
    const outcome = await sync(incremental, { records: { stream: "employees", remoteIds: [String(changedId)] } });
    expect(outcome).toMatchObject({ status: "succeeded", mode: "records" });
    expect(outcome.counts.employees?.read).toBe(1);
    expect(outcome.counts.departments?.read ?? 0).toBe(0);
    const after = await stored(incremental.id);
    const changedRow = (rows: unknown[]) => rows.find((r) => (r as { remote_id: string }).remote_id === String(changedId));
    expect(changedRow(after.employees!)).not.toEqual(changedRow(before.employees!));
    const others = (rows: unknown[]) => rows.filter((r) => (r as { remote_id: string }).remote_id !== String(changedId));
    expect(others(after.employees!)).toEqual(others(before.employees!));
  });
});
