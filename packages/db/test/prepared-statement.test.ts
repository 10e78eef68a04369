import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preparedStatement, sql } from "../src/index";
import { createTestDatabase, type TestDatabase } from "../src/testing/index";

let test: TestDatabase;

beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test?.drop());

describe("statements marked preparedStatement", () => {
  it("are prepared once per connection and answer each run with its own parameters", async () => {
    // Tried: the same marked statement run with different parameters on one connection, and
    // an unmarked one. Must hold: each answer follows its parameters; the server holds one
    // prepared statement for the marked text, none for the other.
    const answers = await test.db.connection().execute(async (conn) => {
      const run = async (n: number) =>
        (await sql<{ doubled: number }>`select ${n}::int * 2 as doubled ${preparedStatement}`.execute(conn)).rows[0]?.doubled;
      const results = [await run(1), await run(21), await run(-4)];
      await sql`select ${5}::int + 1 as plain`.execute(conn);
      const { rows } = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(conn);
      return { results, prepared: rows.map((r) => r.statement) };
    });
    expect(answers.results).toEqual([2, 42, -8]);
    expect(answers.prepared).toHaveLength(1);
    expect(answers.prepared[0]).toContain("* 2 as doubled");
  });

  it("keeps working in builder form, with errors reported as usual", async () => {
    const row = await test.db
      .selectFrom("organisations")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .modifyEnd(preparedStatement)
      .executeTakeFirstOrThrow();
    expect(Number(row.n)).toBeGreaterThanOrEqual(0);
    await expect(sql`select 1 / ${0}::int ${preparedStatement}`.execute(test.db)).rejects.toThrow(/division by zero/);
  });
});
