import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "../src/index";
import { createTestDatabase, type TestDatabase } from "../src/testing/index";

let test: TestDatabase;

beforeAll(async () => {
  test = await createTestDatabase();
  await sql`create table copy_target (id int primary key, note text, data jsonb)`.execute(test.db);
});
afterAll(() => test?.drop());

const row = (...fields: string[]) => `${fields.join("\t")}\n`;

describe("COPY … FROM STDIN through kysely (CopyCapableClient)", () => {
  it("streams the rows on the transaction's own connection: they are visible inside it and gone after a rollback", async () => {
    // Tried: a COPY inside a transaction that then fails. Must hold: the COPYed rows were
    // there for the transaction's next statement, and nothing is left after the rollback.
    const seenInside = await test.db
      .transaction()
      .execute(async (trx) => {
        await sql`copy copy_target (id, note, data) from stdin ${row("1", "a", "{}") + row("2", "b", "[1]")}`.execute(trx);
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from copy_target`.execute(trx);
        throw Object.assign(new Error("roll back"), { seen: rows[0]?.n });
      })
      .catch((error: { seen?: number }) => error.seen);
    expect(seenInside).toBe(2);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from copy_target`.execute(test.db);
    expect(rows[0]?.n).toBe(0);
  });

  it("takes the rows as an array too, streamed in chunks, with the same result as one string", async () => {
    // Tried: 3,000 rows of ~100 characters (several 64 KB chunks) given as one string per row.
    // Must hold: every row arrives once, in full, and the statement reports the count.
    const rows = Array.from({ length: 3000 }, (_, i) => row(String(1000 + i), "x".repeat(90 + (i % 7)), `{"i":${i}}`));
    const result = await test.db
      .transaction()
      .execute((trx) => sql`copy copy_target (id, note, data) from stdin ${rows}`.execute(trx));
    expect(result.rows).toEqual([]);
    const { rows: stored } = await sql<{ n: number; chars: number; last: unknown }>`
      select count(*)::int as n, sum(length(note))::int as chars, max((data->>'i')::int) as last
      from copy_target where id >= 1000`.execute(test.db);
    expect(stored[0]).toEqual({ n: 3000, chars: rows.reduce((sum, r) => sum + r.split("\t")[1]!.length, 0), last: 2999 });
    await sql`delete from copy_target where id >= 1000`.execute(test.db);
  });

  it("keeps escaped text exact: tabs, newlines, backslashes, quotes, non-ASCII and NULL", async () => {
    const note = 'tab\there, line\nbreak, back\\slash, "quoted", café ☕';
    const escaped = note.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n");
    await test.db.transaction().execute(async (trx) => {
      await sql`copy copy_target (id, note, data) from stdin ${row("10", escaped, '{"k":"v\\\\""}') + row("11", "\\N", "\\N")}`.execute(
        trx,
      );
    });
    const { rows } = await sql<{ id: number; note: string | null; data: unknown }>`
      select id, note, data from copy_target where id in (10, 11) order by id`.execute(test.db);
    expect(rows).toEqual([
      { id: 10, note, data: { k: 'v"' } },
      { id: 11, note: null, data: null },
    ]);
  });

  it("reports a bad row as the server's error, and the connection stays usable", async () => {
    // Tried: a row whose id is not an integer. Must hold: the statement fails with PostgreSQL's
    // message, nothing is stored, and the pooled connection answers the next query.
    const error = await test.db
      .transaction()
      .execute((trx) => sql`copy copy_target (id, note, data) from stdin ${row("x", "a", "{}")}`.execute(trx))
      .catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/invalid input syntax for type integer/);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from copy_target where note = 'a'`.execute(test.db);
    expect(rows[0]?.n).toBe(0);
  });

  it("leaves other one-parameter statements to the server as usual", async () => {
    const { rows } = await sql<{ text: string }>`select ${"copy x (a) from stdin"}::text as text`.execute(test.db);
    expect(rows[0]?.text).toBe("copy x (a) from stdin");
  });
});
