import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "../src/index";
import { createTestDatabase, type TestDatabase } from "../src/testing/index";

let testDb: TestDatabase;
let ids: { organisation: string; connection: string };
beforeAll(async () => {
  testDb = await createTestDatabase();
  const org = await testDb.db.insertInto("organisations").values({ name: "Acme" }).returning("id").executeTakeFirstOrThrow();
  const conn = await testDb.db
    .insertInto("connections")
    .values({ organisation_id: org.id, connector_id: "lever", display_name: "Lever", credentials_encrypted: "x" })
    .returning("id")
    .executeTakeFirstOrThrow();
  ids = { organisation: org.id, connection: conn.id };
});
afterAll(async () => {
  await testDb.drop();
});

async function transferColumns(id: string): Promise<{ hris_record_id: string | null; zenefits_candidate_id: string | null }> {
  const { rows } = await sql<{ hris_record_id: string | null; zenefits_candidate_id: string | null }>`
    select hris_record_id, zenefits_candidate_id from hire_transfers where id = ${id}`.execute(testDb.db);
  return rows[0]!;
}

describe("hire_transfers.zenefits_candidate_id → hris_record_id (expand step of a rename)", () => {
  it("a row written by the previous release, through the old column, reads the same through the new one", async () => {
    // Tried: the previous release's insert and its later update, naming only zenefits_candidate_id.
    // Must hold: hris_record_id follows, so the new release reads what the old one wrote.
    const { rows } = await sql<{ id: string }>`
      insert into hire_transfers (organisation_id, connection_id, opportunity_id, trigger, zenefits_candidate_id)
      values (${ids.organisation}, ${ids.connection}, 'opp-old', 'webhook', 'zen-1') returning id`.execute(testDb.db);
    const id = rows[0]!.id;
    expect(await transferColumns(id)).toEqual({ hris_record_id: "zen-1", zenefits_candidate_id: "zen-1" });
    await sql`update hire_transfers set zenefits_candidate_id = 'zen-2' where id = ${id}`.execute(testDb.db);
    expect(await transferColumns(id)).toEqual({ hris_record_id: "zen-2", zenefits_candidate_id: "zen-2" });
  });

  it("a row written by this release, through the new column, still reads through the old one", async () => {
    // Tried: this release's typed insert and update (hris_record_id only).
    // Must hold: processes of the previous release still see the id under its old name.
    const row = await testDb.db
      .insertInto("hire_transfers")
      .values({ organisation_id: ids.organisation, connection_id: ids.connection, opportunity_id: "opp-new", trigger: "webhook" })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(await transferColumns(row.id)).toEqual({ hris_record_id: null, zenefits_candidate_id: null });
    await testDb.db
      .updateTable("hire_transfers")
      .set({ hris_record_id: "bamboo-7", hris_connector_id: "bamboohr" })
      .where("id", "=", row.id)
      .execute();
    expect(await transferColumns(row.id)).toEqual({ hris_record_id: "bamboo-7", zenefits_candidate_id: "bamboo-7" });
    // An update of another column leaves both as they are.
    await testDb.db.updateTable("hire_transfers").set({ attempts: 2 }).where("id", "=", row.id).execute();
    expect(await transferColumns(row.id)).toEqual({ hris_record_id: "bamboo-7", zenefits_candidate_id: "bamboo-7" });
  });
});
