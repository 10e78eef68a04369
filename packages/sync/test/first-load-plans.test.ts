import { type Db, sql } from "@roster/db";
import { createSyncConnection, createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storedAmong } from "../src/direct-copy";
import { datesOfPeople, employeeDatesOf } from "../src/employee-dates";

// A first load asks, batch after batch, about the rows it has just written (which of a batch's
// remote ids are stored, the people's employments), while the tables still have the statistics
// of empty ones. Each question must stay one index probe per id: read as a filter over every
// row of the connection, it took longer with each batch.
let testDb: TestDatabase;
let connectionId: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const connection = await createSyncConnection(testDb.db, { connectorId: "acme", displayName: "Acme" });
  connectionId = connection.id;
  // What a new connection's first load meets: statistics taken while the tables were empty,
  // then rows written since (no analyze in between).
  await sql`analyze departments`.execute(testDb.db);
  await sql`analyze employments`.execute(testDb.db);
  await sql`insert into departments (organisation_id, connection_id, remote_id, name, remote_data)
    select ${connection.organisationId}::uuid, ${connectionId}::uuid, 'd' || n, 'Department ' || n, '{}'::jsonb
    from generate_series(1, 30000) n`.execute(testDb.db);
  await sql`insert into employments (organisation_id, connection_id, remote_id, employee_remote_id, start_date, remote_data)
    select ${connection.organisationId}::uuid, ${connectionId}::uuid, 'e' || n, 'p' || n, date '2020-01-01' + (n % 1000), '{}'::jsonb
    from generate_series(1, 30000) n`.execute(testDb.db);
});
afterAll(async () => {
  await testDb.drop();
});

interface PlanNode {
  "Node Type": string;
  "Index Cond"?: string;
  Filter?: string;
  Plans?: PlanNode[];
}

function nodesOf(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodesOf)];
}

async function planOf(db: Db, query: ReturnType<typeof sql>): Promise<PlanNode[]> {
  const { rows } = await sql<{ "QUERY PLAN": { Plan: PlanNode }[] }>`explain (format json) ${query}`.execute(db);
  const plan = rows[0]?.["QUERY PLAN"][0]?.Plan;
  if (!plan) throw new Error("no plan");
  return nodesOf(plan);
}

/** The plan probes `column` through an index and never filters rows on it. */
function expectProbes(nodes: PlanNode[], column: string): void {
  expect(nodes.some((node) => node["Index Cond"]?.includes(column))).toBe(true);
  expect(nodes.filter((node) => node.Filter?.includes(column))).toEqual([]);
}

describe("storedAmong", () => {
  const named = Array.from({ length: 1000 }, (_, i) => `new-${i}`);

  it("looks each remote id up in the (connection_id, remote_id) index, never filtering the connection's rows", async () => {
    expectProbes(
      await planOf(testDb.db, sql`select 1 from ${storedAmong("departments", connectionId, named)} limit 1`),
      "remote_id",
    );
  });

  it("finds exactly the stored rows among those named, with their ids", async () => {
    const { rows } = await sql<{ remote_id: string; id: string }>`select stored.remote_id, stored.id::text
      from ${storedAmong("departments", connectionId, ["d7", "missing", "d29999", "d7"])}`.execute(testDb.db);
    const { rows: expected } = await sql<{ remote_id: string; id: string }>`select remote_id, id::text from departments
      where connection_id = ${connectionId} and remote_id in ('d7', 'd29999')`.execute(testDb.db);
    const byId = new Map(expected.map((r) => [r.remote_id, r.id]));
    expect(rows.map((r) => r.remote_id).sort()).toEqual(["d29999", "d7", "d7"]);
    for (const row of rows) expect(row.id).toBe(byId.get(row.remote_id));
  });
});

describe("employeeDatesOf", () => {
  const people = Array.from({ length: 1000 }, (_, i) => `p${i * 7 + 1}`);

  it("looks each person's employments up in the (connection_id, employee_remote_id) index", async () => {
    expectProbes(await planOf(testDb.db, datesOfPeople(connectionId, people)), "employee_remote_id");
  });

  it("gives the first start, and the latest employment's start and termination; nothing for people without a live one", async () => {
    // Tried: q1 with an earlier ended employment and a later open one; q2 whose only employment
    // is deleted at the provider; q3 with none.
    const { organisation_id } = await testDb.db
      .selectFrom("connections")
      .select("organisation_id")
      .where("id", "=", connectionId)
      .executeTakeFirstOrThrow();
    await sql`insert into employments (organisation_id, connection_id, remote_id, employee_remote_id, start_date, termination_date, remote_deleted_at, remote_data)
      values (${organisation_id}, ${connectionId}, 'q1-a', 'q1', '2019-03-01', '2021-06-30', null, '{}'),
             (${organisation_id}, ${connectionId}, 'q1-b', 'q1', '2022-01-10', null, null, '{}'),
             (${organisation_id}, ${connectionId}, 'q2-a', 'q2', '2020-05-05', null, now(), '{}')`.execute(testDb.db);
    const dates = await employeeDatesOf(
      testDb.db,
      connectionId,
      ["q1", "q2", "q3"],
      ["hire_date", "start_date", "termination_date"],
    );
    expect([...dates.keys()]).toEqual(["q1"]);
    const q1 = dates.get("q1");
    expect([q1?.hire_date, q1?.start_date, q1?.termination_date].map((d) => (d == null ? d : String(d)))).toEqual([
      expect.stringMatching(/2019-03-01/),
      expect.stringMatching(/2022-01-10/),
      null,
    ]);
  });
});
