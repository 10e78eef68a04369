import { setTimeout as sleep } from "node:timers/promises";
import type { ChangesPage, Employee, Mapped } from "@roster/core";
import { sql } from "@roster/db";
import { createTestDatabase, type TestDatabase } from "@roster/db/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyCounts, type RunCounts } from "../src/counts";
import { type DirectCopyPlan, type KnownTargets, planDirectCopy } from "../src/direct-copy";
import { tableSpecs } from "../src/tables/index";
import type { UpsertScope } from "../src/upsert";
import { newScope } from "./new-scope";
import { person } from "./person";
import { syncPeople } from "./sync-people";

// The engine asks a batch's questions (which records are stored, where the links point) on
// another connection while the batch before it is still being written, so that batch's rows
// may not be committed yet. These tests hold a batch's commit back on purpose (a lock on its
// run's row, which every batch updates with its checkpoint) while the next batch is planned.
let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb.drop();
});

interface RawPerson {
  id: string;
  name: string;
  manager?: string;
}

const mapPerson = (raw: unknown): Mapped<Employee> => {
  const p = raw as RawPerson;
  return { ok: true, value: person(p.id, { manager: p.manager }, { firstName: p.name, displayName: p.name, remoteData: p }) };
};

/**
 * Three pages of two people, read in batches of two. The second batch's commit is held until
 * a while after the third page is handed over, so the third batch is planned while the second
 * one's rows are written but not committed.
 */
async function syncHoldingSecondBatch(scope: UpsertScope, pages: RawPerson[][]): Promise<RunCounts> {
  const holder = new pg.Client({ connectionString: testDb.url });
  await holder.connect();
  const checkpoint = async () =>
    (
      await sql<{
        cursor: string | null;
      }>`select cursor from stream_checkpoints where run_id = ${scope.runId} and stream = 'people'`.execute(testDb.db)
    ).rows[0]?.cursor;
  async function* read(): AsyncIterable<ChangesPage<unknown>> {
    yield { records: pages[0]!, nextCursor: "1" };
    // The first batch is in; from here the run's row is locked, so the second batch's
    // transaction waits before its commit.
    while ((await checkpoint()) !== "1") await sleep(5);
    await holder.query("begin");
    await holder.query("select 1 from sync_runs where id = $1 for update", [scope.runId]);
    yield { records: pages[1]!, nextCursor: "2" };
    setTimeout(() => void holder.query("commit"), 300);
    yield { records: pages[2]!, nextCursor: null };
  }
  const counts: RunCounts = { people: emptyCounts() };
  try {
    await syncPeople({
      db: testDb.db,
      scope,
      pages: read(),
      map: mapPerson,
      counts,
      options: { batchSize: 2, readAhead: false },
    });
  } finally {
    await holder.end();
  }
  return counts;
}

async function people(scope: UpsertScope) {
  const rows = await testDb.db
    .selectFrom("employees as e")
    .leftJoin("employees as m", "m.id", "e.manager_id")
    .select(["e.remote_id as person", "e.display_name as name", "m.remote_id as manager"])
    .where("e.connection_id", "=", scope.connectionId)
    .orderBy("e.remote_id")
    .execute();
  return rows;
}

describe("a batch planned while the one before it is still being written", () => {
  it("links to that batch's new rows as it writes, though they are not committed yet", async () => {
    // Tried: p5 and p6 (third batch) report to p4 and p3, written by the held second batch.
    // Must hold: both links are set by the third batch's own write (no reference pass runs here).
    const scope = await newScope(testDb.db);
    const counts = await syncHoldingSecondBatch(scope, [
      [
        { id: "p1", name: "One" },
        { id: "p2", name: "Two", manager: "p1" },
      ],
      [
        { id: "p3", name: "Three", manager: "p2" },
        { id: "p4", name: "Four", manager: "p1" },
      ],
      [
        { id: "p5", name: "Five", manager: "p4" },
        { id: "p6", name: "Six", manager: "p3" },
      ],
    ]);
    expect(counts.people).toMatchObject({ read: 6, created: 6, failed: 0, done: true });
    expect((await people(scope)).map((p) => [p.person, p.manager])).toEqual([
      ["p1", null],
      ["p2", "p1"],
      ["p3", "p2"],
      ["p4", "p1"],
      ["p5", "p4"],
      ["p6", "p3"],
    ]);
  });

  it("merges a record the provider served again from that batch, instead of COPYing it twice", async () => {
    // Tried: p4 (held second batch) comes again, renamed, on the third page.
    // Must hold: the run succeeds (no duplicate key), p4 is stored once with the later name.
    const scope = await newScope(testDb.db);
    const counts = await syncHoldingSecondBatch(scope, [
      [
        { id: "p1", name: "One" },
        { id: "p2", name: "Two" },
      ],
      [
        { id: "p3", name: "Three" },
        { id: "p4", name: "Four" },
      ],
      [
        { id: "p4", name: "Four again", manager: "p1" },
        { id: "p5", name: "Five" },
      ],
    ]);
    expect(counts.people).toMatchObject({ read: 6, created: 5, updated: 1, failed: 0, done: true });
    const stored = await people(scope);
    expect(stored.map((p) => p.person)).toEqual(["p1", "p2", "p3", "p4", "p5"]);
    expect(stored.find((p) => p.person === "p4")).toMatchObject({ name: "Four again", manager: "p1" });
  });
});

describe("a stream's batches linking to another table", () => {
  it("ask it once per remote id: later batches link from what earlier ones learnt, found or not", async () => {
    // Tried: a first batch naming departments dep-a (stored) and dep-x (not stored); the
    // departments table then changed behind the stream's back (dep-a renamed to another id,
    // dep-x added), which the run's schedule rules out while the stream reads.
    // Must hold: the second batch links to what the first batch learnt, asking nothing again.
    const scope = await newScope(testDb.db);
    const { organisationId, connectionId } = scope;
    const depA = await testDb.db
      .insertInto("departments")
      .values({ organisation_id: organisationId, connection_id: connectionId, remote_id: "dep-a", name: "A", remote_data: "{}" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const knownTargets: KnownTargets = new Map();
    const departmentOf = (plan: DirectCopyPlan<"employees">, record: Employee) =>
      plan.links.find((c) => c.column === "department_id")?.value(record);

    const first = [person("p1", { department: "dep-a" }), person("p2", { department: "dep-x" })];
    const firstPlan = await planDirectCopy(testDb.db, tableSpecs.employees, first, connectionId, { knownTargets });
    expect(first.map((p) => departmentOf(firstPlan, p))).toEqual([depA.id, null]);

    await sql`update departments set remote_id = 'dep-a-moved' where id = ${depA.id}`.execute(testDb.db);
    await testDb.db
      .insertInto("departments")
      .values({ organisation_id: organisationId, connection_id: connectionId, remote_id: "dep-x", name: "X", remote_data: "{}" })
      .execute();
    const second = [person("p3", { department: "dep-a" }), person("p4", { department: "dep-x" })];
    const secondPlan = await planDirectCopy(testDb.db, tableSpecs.employees, second, connectionId, { knownTargets });
    expect(second.map((p) => departmentOf(secondPlan, p))).toEqual([depA.id, null]);
    // Without what the first batch learnt, the second asks the table as it is now.
    const fresh = await planDirectCopy(testDb.db, tableSpecs.employees, second, connectionId, { knownTargets: new Map() });
    expect(departmentOf(fresh, second[0]!)).toBeNull();
    expect(departmentOf(fresh, second[1]!)).not.toBeNull();
  });
});
