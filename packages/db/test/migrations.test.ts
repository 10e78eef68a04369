import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDownToEmpty, migrateToLatest, migrationNames, migrationsAreCurrent, sql } from "../src/index";
import { createTestDatabase, type TestDatabase } from "../src/testing/index";

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb.drop();
});

async function tableNames(): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_name not like 'kysely_%' order by table_name`.execute(testDb.db);
  return rows.map((r) => r.table_name);
}

describe("migrations", () => {
  it("the cloned template starts fully migrated", async () => {
    expect(await migrationsAreCurrent(testDb.db)).toBe(true);
    expect(await tableNames()).toEqual(expect.arrayContaining(["organisations", "connections", "employees", "email_outbox"]));
  });

  it("says pending when one migration is missing from the record, and when there is no record at all", async () => {
    // Tried: the newest migration's row removed, then kysely's table renamed away. Must hold: not
    // current either time; current again once both are put back.
    const newest = migrationNames.at(-1)!;
    await sql`delete from kysely_migration where name = ${newest}`.execute(testDb.db);
    expect(await migrationsAreCurrent(testDb.db)).toBe(false);
    await sql`insert into kysely_migration (name, timestamp) values (${newest}, ${new Date().toISOString()})`.execute(testDb.db);
    expect(await migrationsAreCurrent(testDb.db)).toBe(true);
    await sql`alter table kysely_migration rename to kysely_migration_away`.execute(testDb.db);
    expect(await migrationsAreCurrent(testDb.db)).toBe(false);
    await sql`alter table kysely_migration_away rename to kysely_migration`.execute(testDb.db);
    expect(await migrationsAreCurrent(testDb.db)).toBe(true);
  });

  it("run down to empty and back up again", async () => {
    // Tried: every down migration, then every up. Must hold: no table of ours is left
    // after down, and up recreates all of them.
    const before = await tableNames();
    const reverted = await migrateDownToEmpty(testDb.db);
    expect(reverted).toEqual([...migrationNames].reverse());
    expect(await tableNames()).toEqual([]);
    expect(await migrationsAreCurrent(testDb.db)).toBe(false);
    const applied = await migrateToLatest(testDb.db);
    expect(applied).toEqual(migrationNames);
    expect(await tableNames()).toEqual(before);
  });

  it("keeps dates as ISO strings and rejects an unknown employee status", async () => {
    const org = await testDb.db.insertInto("organisations").values({ name: "Acme" }).returning("id").executeTakeFirstOrThrow();
    const conn = await testDb.db
      .insertInto("connections")
      .values({ organisation_id: org.id, connector_id: "zenefits", display_name: "Z", credentials_encrypted: "x" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const base = {
      organisation_id: org.id,
      connection_id: conn.id,
      display_name: "Ada",
      remote_data: "{}",
      start_date: "2020-02-29",
    };
    const row = await testDb.db
      .insertInto("employees")
      .values({ ...base, remote_id: "1", status: "active" })
      .returning(["start_date", "search_text"])
      .executeTakeFirstOrThrow();
    expect(row.start_date).toBe("2020-02-29");
    expect(row.search_text).toContain("ada");
    await expect(
      testDb.db
        .insertInto("employees")
        .values({ ...base, remote_id: "2", status: "bogus" as "active" })
        .execute(),
    ).rejects.toThrow(/employees_status/);
  });
});
