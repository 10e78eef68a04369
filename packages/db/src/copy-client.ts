import { once } from "node:events";
import { finished } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { BinaryRows, COPY_TO_BINARY } from "./binary-copy";
import { namedStatement } from "./prepared-statement";

/**
 * `copy <table> (<columns>) from stdin $1`: the only statement shape the client streams
 * itself; `$1` (the payload: a string, or an array of row strings) is where kysely's sql
 * template put the one parameter.
 */
const COPY_FROM_STDIN = /^(copy\s+[\w."]+\s*\([\w\s,."]*\)\s+from\s+stdin)\s+\$1$/i;

interface CopyResult {
  command: "COPY";
  rowCount: number;
  rows: never[];
}

/**
 * A pg client that lets kysely run `COPY … FROM STDIN`. kysely sends every statement as
 * `client.query(text, parameters)`; sql`copy ${table} (${columns}) from stdin ${rows}`, whose
 * one parameter is the rows in COPY's text format, is streamed with COPY on this same
 * connection instead, so it joins the caller's transaction. The sync engine stages each batch
 * this way (packages/sync/src/upsert.ts): about 1.6× faster than unnest() arrays on wide rows.
 * `copy (<select>) to stdout with (format binary)` is streamed too, and answers its tuples as
 * rows of raw field bytes (binary-copy.ts). It also sends statements marked preparedStatement as named ones, which kysely cannot ask for.
 */
export class CopyCapableClient extends pg.Client {}

const parentQuery = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;

// Assigned rather than overridden: pg's query() has a dozen overloads that a subclass would have to restate.
(CopyCapableClient.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function query(
  this: pg.Client,
  ...args: unknown[]
) {
  const [text, values] = args;
  const copy = typeof text === "string" ? COPY_FROM_STDIN.exec(text.trim()) : null;
  if (copy && Array.isArray(values) && values.length === 1 && isCopyPayload(values[0])) {
    return copyText(this, copy[1]!, values[0]);
  }
  if (
    typeof text === "string" &&
    (values === undefined || (Array.isArray(values) && values.length === 0)) &&
    COPY_TO_BINARY.test(text)
  ) {
    return copyBinaryOut(this, text);
  }
  // A statement marked preparedStatement goes as a named one (prepared-statement.ts).
  const named = args.length <= 2 ? namedStatement(text, values) : null;
  if (named) return parentQuery.call(this, named);
  return parentQuery.apply(this, args);
};

/** The rows in COPY's text format: one string, or one string per row (each with its line end). */
type CopyPayload = string | readonly string[];

function isCopyPayload(value: unknown): value is CopyPayload {
  return typeof value === "string" || (Array.isArray(value) && value.every((row) => typeof row === "string"));
}

/** Rows go out in chunks of about this many characters, so a batch is never one more string and buffer in memory. */
const CHUNK_CHARS = 64 * 1024;

async function copyText(client: pg.Client, text: string, payload: CopyPayload): Promise<CopyResult> {
  const stream = parentQuery.call(client, copyFrom(text)) as ReturnType<typeof copyFrom>;
  const done = finished(stream);
  try {
    if (typeof payload === "string") {
      stream.end(payload);
    } else {
      let chunk = "";
      for (const row of payload) {
        chunk += row;
        if (chunk.length >= CHUNK_CHARS) {
          if (!stream.write(chunk)) await once(stream, "drain");
          chunk = "";
        }
      }
      stream.end(chunk);
    }
  } finally {
    // The COPY's own outcome (PostgreSQL's error, if it refused a row) is what the caller sees.
    await done;
  }
  return { command: "COPY", rowCount: stream.rowCount, rows: [] };
}

/** Answers one row: the whole result as BinaryRows, whose field count PostgreSQL's CopyOutResponse gave. */
async function copyBinaryOut(
  client: pg.Client,
  text: string,
): Promise<{ command: "COPY"; rowCount: number; rows: BinaryRows[] }> {
  const stream = parentQuery.call(client, copyTo(text)) as ReturnType<typeof copyTo>;
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  const rows = new BinaryRows(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
  return { command: "COPY", rowCount: rows.length, rows: [rows] };
}
