import type { Department, Location } from "@roster/core";
import { sql } from "@roster/db";
import { createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveReferences } from "../src/references";
import { tableSpecs } from "../src/tables/index";
import { type UpsertScope, upsertBatch } from "../src/upsert";
import { newScope } from "./new-scope";
import { person } from "./person";

// A batch of records none of which is stored is COPYed straight into its table; these tests hold
// it to the merge's results.
let testDb: TestDatabase;
let scope: UpsertScope;

beforeAll(async () => {
  testDb = await createTestDatabase();
  scope = await newScope(testDb.db);
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

type Session = typeof testDb.db;

/** Department staging tables this session holds: a merge makes one, a COPY straight in none. */
async function departmentStages(db: Session): Promise<number | undefined> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_class
    where relname like 'roster_stage_departments%' and relpersistence = 't' and relnamespace = pg_my_temp_schema()`.execute(db);
  return rows[0]?.n;
}

/** One batch of departments in a transaction of its own on this session, as the engine writes a batch. */
const writeDepartments = (db: Session, records: Department[], into: UpsertScope, options: { logChanges: boolean }) =>
  db.transaction().execute((trx) => upsertBatch(trx, tableSpecs.departments, records, into, options));

/**
 * On one session: two new departments, which must go straight in (no staging table), then
 * the second again under `rename` beside a third new one, which must be merged.
 */
async function newThenColliding(
  into: UpsertScope,
  options: { logChanges: boolean },
  [first, second, third]: [Department, Department, Department],
  rename: string,
): Promise<void> {
  await testDb.db.connection().execute(async (db) => {
    // A pooled session may hold an earlier test's staging table.
    await sql`discard temp`.execute(db);
    expect(await writeDepartments(db, [first, second], into, options)).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(await departmentStages(db)).toBe(0);
    const renamed = department(second.remoteId, rename);
    expect(await writeDepartments(db, [renamed, third], into, options)).toEqual({ created: 1, updated: 1, unchanged: 0 });
    expect(await departmentStages(db)).toBe(1);
  });
}

describe("first-load COPY", () => {
  it("writes a batch straight into the table; a batch that collides with this run's rows is merged instead", async () => {
    // Tried: a first batch, then one repeating a record (as a provider might across pages) with a new name.
    // Must hold: no error, every record once, the later version kept, the counts of an upsert.
    await newThenColliding(
      scope,
      { logChanges: false },
      [department("d1", "Sales"), department("d2", "Support"), department("d3", "Legal")],
      "Customer Care",
    );
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

describe("COPY of new records in a re-sync", () => {
  it("copies a batch of new records straight in and logs them created exactly as the merge logs a created record", async () => {
    // Tried: with changes logged (a re-sync), a batch of two new departments, then a batch
    // renaming one of them beside a third new one. Must hold: the first batch uses no staging
    // table and logs both created; the second is merged and logs one updated (its changed
    // field named) and one created; a record created either way has the same change_log row.
    const resync = await newScope(testDb.db);
    await newThenColliding(
      resync,
      { logChanges: true },
      [department("n1", "Ops"), department("n2", "Data"), department("n3", "Legal")],
      "Data Science",
    );
    const log = await testDb.db
      .selectFrom("change_log")
      .select(["remote_id", "entity", "change", "fields", "run_id"])
      .where("connection_id", "=", resync.connectionId)
      .orderBy("id")
      .execute();
    const created = { entity: "departments", change: "created", fields: null, run_id: resync.runId };
    expect(log).toEqual([
      { remote_id: "n1", ...created },
      { remote_id: "n2", ...created },
      { remote_id: "n2", entity: "departments", change: "updated", fields: ["remote_data", "name"], run_id: resync.runId },
      { remote_id: "n3", ...created },
    ]);
  });
});

const location = (remoteId: string, name: string): Location => ({
  remoteId,
  name,
  street1: null,
  street2: null,
  city: null,
  state: null,
  postalCode: null,
  country: null,
  phone: null,
  remoteData: { id: remoteId },
  remoteUpdatedAt: null,
});

describe("first-load COPY of a table with links", () => {
  it("links each row as it is written, to the same batch, earlier batches and stored records; the rest after the sync", async () => {
    // Tried: people COPYed in three batches: a report listed before their manager in the same
    // batch, a manager from an earlier batch, one from a later batch, one who never arrives,
    // and departments and locations stored or unknown.
    // Must hold: every link that could be known when the row was written is set by that write,
    // the unknown ones are null, the later manager links in the reference pass, and no
    // staging table is used.
    const firstLoad = { logChanges: false };
    await upsertBatch(testDb.db, tableSpecs.departments, [department("dep-1", "Sales")], scope, firstLoad);
    await upsertBatch(testDb.db, tableSpecs.locations, [location("loc-1", "Berlin")], scope, firstLoad);
    await testDb.db.connection().execute(async (db) => {
      const batches = [
        [
          person("p2", { manager: "p3", department: "dep-1", location: "loc-9" }),
          person("p3", { manager: "p1", location: "loc-1" }),
          person("p1", {}),
          person("p4", { manager: "nobody", department: "dep-9" }),
        ],
        [person("p5", { manager: "p1" }), person("p6", { manager: "p7" })],
        [person("p7", { manager: "p5" })],
      ];
      for (const batch of batches) {
        const result = await db.transaction().execute((trx) => upsertBatch(trx, tableSpecs.employees, batch, scope, firstLoad));
        expect(result).toEqual({ created: batch.length, updated: 0, unchanged: 0 });
      }
      const staged = await sql<{ n: number }>`select count(*)::int as n from pg_class
        where relname like 'roster_stage_employees%' and relnamespace = pg_my_temp_schema()`.execute(db);
      expect(staged.rows[0]?.n).toBe(0);
    });

    const links = async () => {
      const rows = await testDb.db
        .selectFrom("employees as e")
        .leftJoin("employees as m", "m.id", "e.manager_id")
        .leftJoin("departments as d", "d.id", "e.department_id")
        .leftJoin("locations as l", "l.id", "e.location_id")
        .select(["e.remote_id as person", "m.remote_id as manager", "d.remote_id as department", "l.remote_id as location"])
        .where("e.connection_id", "=", scope.connectionId)
        .orderBy("e.remote_id")
        .execute();
      return Object.fromEntries(rows.map((r) => [r.person, [r.manager, r.department, r.location]]));
    };
    expect(await links()).toEqual({
      p1: [null, null, null],
      p2: ["p3", "dep-1", null],
      p3: ["p1", null, "loc-1"],
      p4: [null, null, null],
      p5: ["p1", null, null],
      p6: [null, null, null],
      p7: ["p5", null, null],
    });
    expect(await resolveReferences(testDb.db, tableSpecs.employees, scope.connectionId)).toBe(1);
    expect((await links()).p6).toEqual(["p7", null, null]);
  });
});
