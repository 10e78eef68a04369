import { type Db, sql } from "@roster/db";
import { createSyncConnection, createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storedAmong } from "../src/direct-copy";

// A first load asks, batch after batch, which of a batch's remote ids are stored, while the
// table still has the statistics of an empty one. Each question must stay one index probe per
// id: read as a filter over every row of the connection, it took longer with each batch.
let testDb: TestDatabase;
let connectionId: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const connection = await createSyncConnection(testDb.db, { connectorId: "acme", displayName: "Acme" });
  connectionId = connection.id;
  // What a new connection's first load meets: statistics taken while the table was empty,
  // then rows written since (no analyze in between).
  await sql`analyze departments`.execute(testDb.db);
  await sql`insert into departments (organisation_id, connection_id, remote_id, name, remote_data)
    select ${connection.organisationId}::uuid, ${connectionId}::uuid, 'd' || n, 'Department ' || n, '{}'::jsonb
    from generate_series(1, 30000) n`.execute(testDb.db);
});
afterAll(async () => {
  await testDb.drop();
});

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Cond"?: string;
  Filter?: string;
  Plans?: PlanNode[];
}

function nodesOf(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodesOf)];
}

async function scansOfDepartments(db: Db, query: ReturnType<typeof sql>): Promise<PlanNode[]> {
  const { rows } = await sql<{ "QUERY PLAN": { Plan: PlanNode }[] }>`explain (format json) ${query}`.execute(db);
  const plan = rows[0]?.["QUERY PLAN"][0]?.Plan;
  if (!plan) throw new Error("no plan");
  return nodesOf(plan).filter((node) => node["Relation Name"] === "departments");
}

describe("storedAmong", () => {
  const named = Array.from({ length: 1000 }, (_, i) => `new-${i}`);

  it("looks each remote id up in the (connection_id, remote_id) index, never filtering the connection's rows", async () => {
    const scans = await scansOfDepartments(
      testDb.db,
      sql`select 1 from ${storedAmong("departments", connectionId, named)} limit 1`,
    );
    expect(scans).toHaveLength(1);
    expect(scans[0]?.["Index Cond"]).toMatch(/remote_id/);
    expect(scans[0]?.Filter).toBeUndefined();
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
