import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "../src/index";
import { createSyncConnection, createTestDatabase, type SyncConnectionFixture, type TestDatabase } from "../src/testing/index";

// employee_search is written only by triggers on employees: whatever writes people (a sync's
// COPY or upsert, an erasure, a fixture) must leave it holding exactly what a search reads.
let testDb: TestDatabase;
let conn: SyncConnectionFixture;
beforeAll(async () => {
  testDb = await createTestDatabase();
  conn = await createSyncConnection(testDb.db, { connectorId: "zenefits", displayName: "Z" });
});
afterAll(async () => {
  await testDb.drop();
});

/** employee_search as it should be: one row per person with the person's searched columns. */
async function expectInStep(): Promise<number> {
  const expected = await sql<Record<string, string>>`
    select id as employee_id, organisation_id, display_name, search_text from employees order by id`.execute(testDb.db);
  const actual = await sql<Record<string, string>>`
    select employee_id, organisation_id, display_name, search_text from employee_search order by employee_id`.execute(testDb.db);
  expect(actual.rows).toEqual(expected.rows);
  return actual.rows.length;
}

const copyRow = (remoteId: string, name: string, email: string) =>
  `${conn.organisationId}\t${conn.id}\t${remoteId}\t${name}\t${name.split(" ")[0]}\t${email}\t{}\n`;

async function upsert(rows: { remoteId: string; name: string; title: string }[]): Promise<void> {
  const values = rows.map(
    (r) => sql`(${conn.organisationId}::uuid, ${conn.id}::uuid, ${r.remoteId}, ${r.name}, ${r.title}, '{}'::jsonb)`,
  );
  await sql`insert into employees as t (organisation_id, connection_id, remote_id, display_name, job_title, remote_data)
    values ${sql.join(values)}
    on conflict (connection_id, remote_id) do update set display_name = excluded.display_name, job_title = excluded.job_title
    where (t.display_name, t.job_title) is distinct from (excluded.display_name, excluded.job_title)`.execute(testDb.db);
}

const searchRowVersion = async (remoteId: string) =>
  (
    await sql<{ xmin: string }>`select s.xmin::text from employee_search s join employees e on e.id = s.employee_id
      where e.remote_id = ${remoteId}`.execute(testDb.db)
  ).rows[0]?.xmin;

describe("employee_search", () => {
  it("follows employees through COPY, upserts, renames, deletes, cascades and truncate", async () => {
    // Tried: people COPYed in (a first load's path) and inserted by an upsert; then one renamed,
    // one given a new title only (a column no search reads), one deleted, then the whole
    // connection deleted (cascade), then people again and a TRUNCATE. Must hold after each
    // step: employee_search is exactly the people's searched columns; the title-only update
    // leaves that person's search row as it was (no new row version).
    const payload = [copyRow("c1", "Ada Lovelace", "ada@example.com"), copyRow("c2", "Łukasz Nowak", "lukasz@example.com")];
    await sql`copy employees (organisation_id, connection_id, remote_id, display_name, first_name, work_email, remote_data)
      from stdin ${payload}`.execute(testDb.db);
    await upsert([
      { remoteId: "u1", name: "Grace Hopper", title: "Admiral" },
      { remoteId: "u2", name: "Alan Turing", title: "Mathematician" },
    ]);
    expect(await expectInStep()).toBe(4);
    const [ada] = (
      await sql<{ search_text: string }>`select search_text from employee_search where display_name = 'Ada Lovelace'`.execute(
        testDb.db,
      )
    ).rows;
    expect(ada?.search_text).toContain("ada@example.com");

    const before = await searchRowVersion("u2");
    await upsert([
      { remoteId: "u1", name: "Grace Brewster Hopper", title: "Admiral" },
      { remoteId: "u2", name: "Alan Turing", title: "Cryptanalyst" },
    ]);
    expect(await expectInStep()).toBe(4);
    expect(await searchRowVersion("u2")).toBe(before);
    const renamed = await sql<{ n: number }>`
      select count(*)::int as n from employee_search where search_text like '%brewster%'`.execute(testDb.db);
    expect(renamed.rows[0]?.n).toBe(1);

    await sql`delete from employees where remote_id = 'c1'`.execute(testDb.db);
    expect(await expectInStep()).toBe(3);
    await sql`delete from connections where id = ${conn.id}`.execute(testDb.db);
    expect(await expectInStep()).toBe(0);

    conn = await createSyncConnection(testDb.db, { connectorId: "zenefits", displayName: "Z" });
    await upsert([{ remoteId: "t1", name: "Katherine Johnson", title: "Mathematician" }]);
    expect(await expectInStep()).toBe(1);
    await sql`truncate employees cascade`.execute(testDb.db);
    expect(await expectInStep()).toBe(0);
  });
});
