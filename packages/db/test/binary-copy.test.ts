import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BinaryRows, inlineParameters, selectRawFields, sql } from "../src/index";
import { createTestDatabase, type TestDatabase } from "../src/testing/index";

let test: TestDatabase;

beforeAll(async () => {
  test = await createTestDatabase();
  await sql`create table people (id int primary key, name text, note text)`.execute(test.db);
  await sql`insert into people values (1, 'Zoë', null), (2, '中村 花子', 'tab\there'), (3, 'O''Brien \\ "q"', '')`.execute(
    test.db,
  );
});
afterAll(() => test?.drop());

const text = (rows: BinaryRows, row: number, field: number) => rows.text(row, field);

describe("select as a binary COPY (selectRawFields)", () => {
  it("answers each field's bytes as stored: UTF-8 text, NULL apart from the empty string, in the statement's order", async () => {
    // Tried: non-Latin text, a tab, quotes and a backslash, NULL and ''. Must hold: every value
    // comes back byte for byte, with NULL and '' told apart.
    const rows = await selectRawFields(test.db, sql`select id::text, name, note from people order by id`);
    expect(rows.length).toBe(3);
    expect(rows.fieldCount).toBe(3);
    expect([0, 1, 2].map((r) => [text(rows, r, 0), text(rows, r, 1), text(rows, r, 2)])).toEqual([
      ["1", "Zoë", null],
      ["2", "中村 花子", "tab\there"],
      ["3", `O'Brien \\ "q"`, ""],
    ]);
    expect(rows.start(0, 2)).toBe(-1);
    expect(rows.end(2, 2) - rows.start(2, 2)).toBe(0);
    expect(rows.end(1, 1) - rows.start(1, 1)).toBe(Buffer.byteLength("中村 花子"));
  });

  it("binds parameters as escaped literals: a value made to break out of its quotes stays a value", async () => {
    // Tried: parameters holding quotes, a backslash, a statement terminator and SQL. Must hold:
    // they are compared as plain values (no row matches, the table is intact), and a matching
    // value still finds its row.
    const hostile = `x' or '1'='1'; drop table people; --\\`;
    const none = await selectRawFields(test.db, sql`select id from people where name = ${hostile} or note = ${hostile}`);
    expect(none.length).toBe(0);
    const match = await selectRawFields(test.db, sql`select id::text from people where name = ${`O'Brien \\ "q"`} and id > ${1}`);
    expect(match.length).toBe(1);
    expect(match.text(0, 0)).toBe("3");
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from people`.execute(test.db);
    expect(rows[0]?.n).toBe(3);
  });

  it("answers an empty result as no rows, and a failing statement as PostgreSQL's error, on a connection still usable", async () => {
    // Tried: a select matching nothing, then one that divides by zero. Must hold: zero rows, then
    // the database's own error; the next query on the pool works.
    expect((await selectRawFields(test.db, sql`select id from people where id < ${0}`)).length).toBe(0);
    await expect(selectRawFields(test.db, sql`select 1 / (id - id) from people`)).rejects.toThrow(/division by zero/);
    const { rows } = await sql<{ ok: number }>`select 1 as ok`.execute(test.db);
    expect(rows[0]?.ok).toBe(1);
  });
});

describe("inlineParameters", () => {
  it("replaces $n outside quotes only, and refuses values it cannot write as a literal", () => {
    // Tried: "$1" inside a string literal and a quoted identifier, numbers, booleans, null, an
    // object. Must hold: only the placeholders are replaced; an object is refused, not stringified.
    const inlined = inlineParameters({
      sql: `select '$1' as "$2", $1, $2, $3, $4 from t where a = $10`,
      parameters: ["it's", 2, true, null, 5, 6, 7, 8, 9, "ten"],
      query: undefined as never,
      queryId: undefined as never,
    });
    expect(inlined).toBe(`select '$1' as "$2", 'it''s', 2, true, null from t where a = 'ten'`);
    expect(() =>
      inlineParameters({ sql: "select $1", parameters: [{ a: 1 }], query: undefined as never, queryId: undefined as never }),
    ).toThrow(/cannot be inlined/);
    expect(() =>
      inlineParameters({ sql: "select $2", parameters: [1], query: undefined as never, queryId: undefined as never }),
    ).toThrow(/no parameter for \$2/);
  });
});

describe("BinaryRows", () => {
  it("refuses a stream that is not binary COPY or stops short, instead of answering part of it", async () => {
    // Tried: text bytes, and a real stream cut inside its last field and before its trailer.
    // Must hold: each is refused with an error naming what is wrong.
    expect(() => new BinaryRows(Buffer.from("1\tZoë\n"))).toThrow(/signature/);
    const whole = (await selectRawFields(test.db, sql`select id, name from people order by id`)).data;
    expect(() => new BinaryRows(whole.subarray(0, whole.length - 6))).toThrow(/ended inside a field/);
    expect(() => new BinaryRows(whole.subarray(0, whole.length - 2))).toThrow(/without its trailer/);
    expect(new BinaryRows(whole).length).toBe(3);
  });
});
