import type { CompiledQuery, Kysely, RawBuilder } from "kysely";
import { sql } from "kysely";
import pg from "pg";

/** A statement `copy (<select>) to stdout with (format binary)`: the client streams it and answers rows of raw field bytes. */
export const COPY_TO_BINARY = /^copy\s+\(.*\)\s+to\s+stdout\s+with\s+\(format\s+binary\)$/is;

const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");

/**
 * The tuples of a binary COPY stream, kept as the stream's own bytes and each field's position
 * in them (PostgreSQL's documented file format: signature, flags, header extension, then per
 * tuple a field count and each field's length and bytes; -1 ends it). Text and json fields are
 * their UTF-8 bytes as stored, so a caller can pass them on without ever making a JS string;
 * positions rather than a Buffer per field keep a large result from becoming garbage to collect.
 */
export class BinaryRows {
  /** Per row and field, at (row × fieldCount + field) × 2: where its bytes start and end in data (both -1 for SQL NULL). */
  readonly bounds: Int32Array;
  readonly length: number;
  /** Fields per row, from the first row (0 when there is none). */
  readonly fieldCount: number;

  constructor(readonly data: Buffer) {
    if (data.length < SIGNATURE.length + 8 || !data.subarray(0, SIGNATURE.length).equals(SIGNATURE)) {
      throw new Error("not a binary COPY stream: its signature is missing");
    }
    // Read by hand rather than readInt32BE: a page has thousands of fields, and this is its hot loop.
    const int32 = (at: number) => (data[at]! << 24) | (data[at + 1]! << 16) | (data[at + 2]! << 8) | data[at + 3]!;
    let bounds = new Int32Array(1024);
    let used = 0;
    let at = SIGNATURE.length + 4;
    at += 4 + int32(at);
    let rows = 0;
    let fieldCount = 0;
    for (;;) {
      if (at + 2 > data.length) throw new Error("binary COPY stream ended without its trailer");
      const fields = (((data[at]! << 8) | data[at + 1]!) << 16) >> 16;
      at += 2;
      if (fields === -1) break;
      if (rows === 0) fieldCount = fields;
      else if (fields !== fieldCount) throw new Error(`binary COPY row has ${fields} fields, not ${fieldCount}`);
      if (used + 2 * fields > bounds.length) {
        const grown = new Int32Array(Math.max(bounds.length * 2, used + 2 * fields));
        grown.set(bounds);
        bounds = grown;
      }
      for (let i = 0; i < fields; i++) {
        if (at + 4 > data.length) throw new Error("binary COPY stream ended inside a field");
        const length = int32(at);
        at += 4;
        if (length === -1) {
          bounds[used++] = -1;
          bounds[used++] = -1;
          continue;
        }
        if (length < 0 || at + length > data.length) throw new Error("binary COPY stream ended inside a field");
        bounds[used++] = at;
        bounds[used++] = at + length;
        at += length;
      }
      rows++;
    }
    this.bounds = bounds.subarray(0, used);
    this.length = rows;
    this.fieldCount = fieldCount;
  }

  private position(row: number, field: number): number {
    if (row < 0 || row >= this.length || field < 0 || field >= this.fieldCount) throw new RangeError(`no field ${row}.${field}`);
    return (row * this.fieldCount + field) * 2;
  }

  /** The field decoded as UTF-8 text, null for NULL. */
  text(row: number, field: number): string | null {
    const p = this.position(row, field);
    return this.bounds[p] === -1 ? null : this.data.toString("utf8", this.bounds[p], this.bounds[p + 1]);
  }

  /** Where the field's bytes start in data; -1 for NULL. */
  start(row: number, field: number): number {
    return this.bounds[this.position(row, field)]!;
  }

  /** Where the field's bytes end in data. */
  end(row: number, field: number): number {
    return this.bounds[this.position(row, field) + 1]!;
  }
}

/**
 * The compiled statement's text with each `$n` replaced by its value as an escaped literal
 * (pg's escapeLiteral): COPY takes no bind parameters. Only strings, numbers and booleans are
 * accepted; a `$` inside a quoted literal or identifier of the text is left alone.
 */
export function inlineParameters(query: CompiledQuery): string {
  const literal = (value: unknown): string => {
    if (typeof value === "string") return pg.escapeLiteral(value);
    if (typeof value === "number" && Number.isFinite(value)) return String(value);
    if (typeof value === "boolean") return value ? "true" : "false";
    if (value === null) return "null";
    throw new Error(`a ${typeof value} parameter cannot be inlined into COPY`);
  };
  // Quoted literals and identifiers are copied as they are; $n outside them becomes a literal.
  return query.sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|\$(\d+)/g, (match, index: string | undefined) => {
    if (index === undefined) return match;
    const position = Number(index) - 1;
    if (position >= query.parameters.length) throw new Error(`no parameter for $${index}`);
    return literal(query.parameters[position]);
  });
}

/**
 * Runs a select as a binary COPY and answers each row's fields as raw bytes: for results that
 * go out as they are (the public API's pages), skipping the decoding of every value into a
 * string and its encoding back into bytes.
 */
export async function selectRawFields<DB>(db: Kysely<DB>, query: RawBuilder<unknown>): Promise<BinaryRows> {
  const text = `copy (${inlineParameters(query.compile(db))}) to stdout with (format binary)`;
  const result = await sql.raw<BinaryRows>(text).execute(db);
  const rows = result.rows[0];
  if (!(rows instanceof BinaryRows)) throw new Error("this database client does not stream binary COPY (createDb's does)");
  return rows;
}
