import { finished } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

/** The part of the engine's column spec (packages/sync tables) that COPY needs. */
export interface ColumnSpec<T> {
  column: string;
  value: (record: T) => unknown;
}

const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };
const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;

/** One field in COPY's text format. */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  const text = typeof value === "string" ? value : typeof value === "boolean" ? (value ? "t" : "f") : String(value);
  return SPECIAL.test(text) ? text.replace(SPECIAL_ALL, (c) => ESCAPES[c] ?? c) : text;
}

/** One row in COPY's text format: the owning ids, then the spec's columns, as the engine writes them. */
export function copyRow<T>(prefix: string, columns: readonly ColumnSpec<T>[], record: T): string {
  let line = prefix;
  for (const column of columns) line += `\t${copyField(column.value(record))}`;
  return `${line}\n`;
}

export interface CopyWriter {
  /** Resolves at once, or once the socket drained: backpressure without buffering a whole table. */
  write(chunk: string): Promise<void>;
  end(): Promise<void>;
}

/** `COPY <table> (organisation_id, connection_id, <spec columns>) FROM STDIN` on a dedicated client. */
export function copyInto<T>(client: pg.Client, table: string, columns: readonly ColumnSpec<T>[]): CopyWriter {
  const names = ["organisation_id", "connection_id", ...columns.map((c) => c.column)].join(", ");
  const stream = client.query(copyFrom(`copy ${table} (${names}) from stdin`));
  let failure: unknown;
  // One waiter at a time, woken by drain or by an error (a failed COPY never drains).
  let wake: (() => void) | undefined;
  stream.on("error", (error) => {
    failure = error;
    wake?.();
  });
  stream.on("drain", () => wake?.());
  return {
    async write(chunk) {
      if (failure) throw failure;
      if (!stream.write(chunk)) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = undefined;
      }
      if (failure) throw failure;
    },
    async end() {
      if (failure) throw failure;
      stream.end();
      await finished(stream);
    },
  };
}
