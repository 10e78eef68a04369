import { finished } from "node:stream/promises";
// The same COPY text encoding the engine stages its batches with.
import type { CopyColumn } from "@roster/sync";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

export { copyField, copyRow } from "@roster/sync";

export interface CopyWriter {
  /** Resolves at once, or once the socket drained: backpressure without buffering a whole table. */
  write(chunk: string): Promise<void>;
  end(): Promise<void>;
}

/** `COPY <table> (organisation_id, connection_id, <spec columns>) FROM STDIN` on a dedicated client. */
export function copyInto<T>(
  client: pg.Client,
  table: string,
  columns: readonly (CopyColumn<T> & { column: string })[],
): CopyWriter {
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
