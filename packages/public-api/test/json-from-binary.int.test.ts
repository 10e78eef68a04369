import { selectRawFields, sql } from "@roster/db";
import { createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JsonBytes, writableTypes, writeValue } from "../src/list/json-from-binary";

let test: TestDatabase;

beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test?.drop());

/** Values of every type the API writes itself, chosen at the edges of their formats. */
const values: string[] = [
  // text: plain, empty, non-Latin, astral, every character JSON must escape, U+2028 and DEL (it must not).
  `'plain'::text`,
  `''::text`,
  `'Zoë Nakamura-Ölberg'::text`,
  `'中村 花子'::text`,
  `'emoji 😀 and 𝄞'::text`,
  `'quote " backslash \\ slash /'::text`,
  `E'line\\nbreak\\ttab\\rreturn\\bback\\fform'::text`,
  `E'\\x01\\x1f\\x7f'::text`,
  `E'sep \\u2028 \\u2029'::text`,
  `'varchar'::varchar(20)`,
  // uuid
  `'00000000-0000-0000-0000-000000000000'::uuid`,
  `'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid`,
  `'0e0609a0-15fb-465f-b006-2f6b2aace37f'::uuid`,
  // timestamptz: fractions with and without trailing zeros, around PostgreSQL's and Unix's epochs, far ahead and behind.
  `'2026-12-07 06:29:12.954167+00'::timestamptz`,
  `'2026-12-07 06:29:12+00'::timestamptz`,
  `'2026-12-07 06:29:12.5+00'::timestamptz`,
  `'2026-12-07 06:29:12.000001+00'::timestamptz`,
  `'2026-12-07 06:29:12.12+05:30'::timestamptz`,
  `'1999-12-31 23:59:59.999999+00'::timestamptz`,
  `'2000-01-01 00:00:00+00'::timestamptz`,
  `'1970-01-01 00:00:00+00'::timestamptz`,
  `'1969-12-31 23:59:59.75+00'::timestamptz`,
  `'2024-02-29 12:00:00+00'::timestamptz`,
  `'1600-03-01 00:00:00.1+00'::timestamptz`,
  `'2400-06-01 00:00:00.000100+00'::timestamptz`,
  `'0044-03-15 10:00:00.5+00 BC'::timestamptz`,
  `'2026-12-07 06:29:12.010000+00'::timestamptz`,
  `'12026-12-07 06:29:12.000120+00'::timestamptz`,
  `'infinity'::timestamptz`,
  `'-infinity'::timestamptz`,
  // date
  `'2026-01-02'::date`,
  `'2000-01-01'::date`,
  `'1999-12-31'::date`,
  `'2024-02-29'::date`,
  `'1900-03-01'::date`,
  `'0001-01-01'::date`,
  `'0044-03-15 BC'::date`,
  `'9999-12-31'::date`,
  `'12345-06-07'::date`,
  `'infinity'::date`,
  `'-infinity'::date`,
  // bool, integers (beyond 2^53 too)
  `true`,
  `false`,
  `(-32768)::int2`,
  `2147483647::int4`,
  `(-1)::int4`,
  `9007199254740993::int8`,
  `(-9223372036854775808)::int8`,
  // json kept as written, jsonb as PostgreSQL prints it
  `'{"a" : [1, 2],  "b": "ü"}'::json`,
  `'{"b": 1, "a": "ü", "c": [true, null]}'::jsonb`,
];

describe("JSON written from binary columns (json-from-binary.ts)", () => {
  it("is byte for byte what PostgreSQL's to_json gives in UTC, for every type and edge value the API writes", async () => {
    // Tried: the values above, each fetched as a binary COPY field and written by writeValue.
    // Must hold: the bytes equal to_json(value)::text with the session in UTC, and the type is
    // one writeValue claims to write (a value of another type would have been sent as to_json).
    const results = await test.db.transaction().execute(async (trx) => {
      await sql`set local timezone to 'UTC'`.execute(trx);
      const out: { value: string; expected: string; written: string; type: number }[] = [];
      for (const value of values) {
        const { rows: expected } = await sql<{ json: string; type: number }>`
          select to_json(${sql.raw(value)})::text as json, pg_typeof(${sql.raw(value)})::oid::int as type`.execute(trx);
        const raw = await selectRawFields(trx, sql`select ${sql.raw(value)}`);
        const bytes = new JsonBytes(16);
        writeValue(bytes, expected[0]!.type, raw.data, raw.start(0, 0), raw.end(0, 0));
        out.push({ value, expected: expected[0]!.json, written: bytes.done().toString("utf8"), type: expected[0]!.type });
      }
      return out;
    });
    for (const result of results) {
      expect(writableTypes.has(result.type), result.value).toBe(true);
      expect(result.written, result.value).toBe(result.expected);
    }
  });

  it("writes the same UTC text whatever the session's time zone (a page does not depend on the server's setting)", async () => {
    // Tried: one instant fetched in a session set to Asia/Kolkata. Must hold: it is written
    // with +00:00, the same instant as PostgreSQL's own text for it in that zone.
    const written = await test.db.transaction().execute(async (trx) => {
      await sql`set local timezone to 'Asia/Kolkata'`.execute(trx);
      const raw = await selectRawFields(trx, sql`select '2026-12-07 06:29:12.5+00'::timestamptz`);
      const bytes = new JsonBytes(16);
      writeValue(bytes, 1184, raw.data, raw.start(0, 0), raw.end(0, 0));
      return bytes.done().toString("utf8");
    });
    expect(written).toBe('"2026-12-07T06:29:12.5+00:00"');
    expect(Date.parse(JSON.parse(written) as string)).toBe(Date.parse("2026-12-07T11:59:12.5+05:30"));
  });
});
