import type { Department } from "@roster/core";
import { sql } from "@roster/db";
import { createSyncConnection, createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tableSpecs } from "../src/tables/index";
import { type UpsertScope, upsertBatch } from "../src/upsert";

// A first load COPYs batches straight into their table; these tests hold it to the upsert's results.
let testDb: TestDatabase;
let scope: UpsertScope;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const connection = await createSyncConnection(testDb.db, { connectorId: "acme", displayName: "Acme" });
  const run = await testDb.db
    .insertInto("sync_runs")
    .values({ organisation_id: connection.organisationId, connection_id: connection.id, trigger: "manual" })
    .returning("id")
    .executeTakeFirstOrThrow();
  scope = { organisationId: connection.organisationId, connectionId: connection.id, runId: run.id };
});
afterAll(async () => {
  await testDb.drop();
});

const department = (remoteId: string, name: string): Department => ({
  remoteId,
  name,
  parentRemoteId: null,
  remoteData: { id: remoteId, name, note: "tab\there, newline\nthere, back\\slash" },
  remoteUpdatedAt: null,
});

describe("first-load COPY", () => {
  it("writes a batch straight into the table; a batch that collides with this run's rows is merged instead", async () => {
    // Tried: a first batch, then one repeating a record (as a provider might across pages) with a new name.
    // Must hold: no error, every record once, the later version kept, the counts of an upsert.
    const firstLoad = { logChanges: false, copyDirect: true };
    const stagedInThisSession = (db: typeof testDb.db) =>
      sql<{ n: number }>`select count(*)::int as n from pg_class
        where relname like 'roster_stage_departments%' and relpersistence = 't'
          and relnamespace = pg_my_temp_schema()`.execute(db);
    await testDb.db.connection().execute(async (db) => {
      const first = await db
        .transaction()
        .execute((trx) =>
          upsertBatch(trx, tableSpecs.departments, [department("d1", "Sales"), department("d2", "Support")], scope, firstLoad),
        );
      expect(first).toEqual({ created: 2, updated: 0, unchanged: 0 });
      // Straight in: this session never created a staging table.
      expect((await stagedInThisSession(db)).rows[0]?.n).toBe(0);

      const second = await db
        .transaction()
        .execute((trx) =>
          upsertBatch(
            trx,
            tableSpecs.departments,
            [department("d2", "Customer Care"), department("d3", "Legal")],
            scope,
            firstLoad,
          ),
        );
      expect(second).toEqual({ created: 1, updated: 1, unchanged: 0 });
      expect((await stagedInThisSession(db)).rows[0]?.n).toBe(1);
    });
    const rows = await testDb.db
      .selectFrom("departments")
      .select(["remote_id", "name", "remote_data", "organisation_id"])
      .where("connection_id", "=", scope.connectionId)
      .orderBy("remote_id")
      .execute();
    expect(rows.map((r) => [r.remote_id, r.name])).toEqual([
      ["d1", "Sales"],
      ["d2", "Customer Care"],
      ["d3", "Legal"],
    ]);
    expect(rows.every((r) => r.organisation_id === scope.organisationId)).toBe(true);
    // COPY's escaping round-trips what JSON carries.
    expect(rows[0]?.remote_data).toEqual(department("d1", "Sales").remoteData);
  });
});
