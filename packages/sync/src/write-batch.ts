import type { ModelName, Models } from "@roster/core";
import { type Db, type StreamCounts, sql } from "@roster/db";
import { type RunCounts, streamCountsUpdate } from "./counts";
import { markDeleted } from "./deletions";
import type { TableSpec } from "./tables/index";
import { type UpsertOptions, type UpsertScope, upsertBatch } from "./upsert";

export interface MappingFailure {
  remoteId: string | null;
  reason: string;
}

export interface Batch<M extends ModelName> {
  stream: string;
  /** Of each record, what its write reads beside `encoded` (keptForWrite). */
  records: Models[M][];
  /** Each record's columns in COPY's text format, encoded as it was read (upsert.ts). */
  encoded: string[];
  failures: MappingFailure[];
  /** Remote ids read, mapped or not: what exists at the provider. */
  seen: string[];
  /** Remote ids the provider reported deleted (changes and named-record reads). */
  deleted: string[];
  read: number;
  /** Where the stream resumes after this batch; null once the last page is in. */
  cursor: string | null;
}

const linkFields = new Map<string, readonly string[]>();

/**
 * What a batch keeps of a record once it is encoded: its remote id and the fields its links
 * are read from, all that a write given the encoded rows reads of it (upsert.ts, direct-copy.ts).
 * The whole record, held until the batch was written, was most of what the garbage collector
 * had to move. Typed as the record it stands for, which it is for those fields.
 */
export function keptForWrite<M extends ModelName>(spec: TableSpec<M>, record: Models[M]): Models[M] {
  let fields = linkFields.get(spec.table);
  if (!fields) {
    fields = (spec.references ?? []).map((ref) => {
      const field = spec.columns.find((c) => c.column === ref.remoteColumn)?.field;
      if (!field) throw new Error(`${spec.table}: the column ${ref.remoteColumn} of a link names no field`);
      return field;
    });
    linkFields.set(spec.table, fields);
  }
  const kept: Record<string, unknown> = { remoteId: record.remoteId };
  for (const field of fields) kept[field] = (record as Record<string, unknown>)[field];
  return kept as Models[M];
}

/** Errors kept per run: enough to act on, bounded so a broken provider cannot flood the table. */
export const MAX_STORED_ERRORS_PER_RUN = 1000;

/**
 * One transaction: the records, the ids seen, the mapping failures, the run's counts and the
 * stream's checkpoint. A crash at any point leaves either all of it or none of it, so a
 * resumed run continues exactly after the last committed batch.
 */
export async function writeBatch<M extends ModelName>(
  db: Db,
  spec: TableSpec<M>,
  batch: Batch<M>,
  scope: UpsertScope,
  counts: RunCounts,
  storedErrors: { count: number },
  upsertOptions: UpsertOptions<M>,
): Promise<void> {
  const stream = counts[batch.stream]!;
  const { next, stored } = await db.transaction().execute(async (trx) => {
    const result = await upsertBatch(trx, spec, batch.records, scope, { ...upsertOptions, encoded: batch.encoded });
    const deleted = await markDeleted(trx, spec, scope, batch.deleted);
    if (batch.seen.length > 0) {
      await sql`insert into sync_seen (run_id, stream, remote_id)
        select ${scope.runId}::uuid, ${batch.stream}, unnest(${batch.seen}::text[])`.execute(trx);
    }
    const room = Math.max(0, MAX_STORED_ERRORS_PER_RUN - storedErrors.count);
    const failures = batch.failures.slice(0, room);
    if (failures.length > 0) {
      await trx
        .insertInto("sync_errors")
        .values(
          failures.map((f) => ({
            run_id: scope.runId,
            stream: batch.stream,
            remote_id: f.remoteId,
            kind: "mapping",
            message: f.reason,
            hint: "This record was skipped; the rest of the sync went on. Fix the record in the provider, or report it if it looks valid.",
          })),
        )
        .execute();
    }
    const next = {
      ...stream,
      read: stream.read + batch.read,
      created: stream.created + result.created,
      updated: stream.updated + result.updated,
      unchanged: stream.unchanged + result.unchanged,
      failed: stream.failed + batch.failures.length,
      deleted: stream.deleted + deleted,
    };
    // A crash after commit but before the WAL reached disk can only lose whole batches with
    // their checkpoint, and a resumed run writes them again: no need to wait for each flush.
    await saveStreamProgress(trx, scope, batch.stream, next, { cursor: batch.cursor, done: false, asyncCommit: true });
    return { next, stored: failures.length };
  });
  // Only after commit do the in-memory counts move, so they always equal what is stored.
  Object.assign(stream, next);
  storedErrors.count += stored;
}

/**
 * A stream's counts on its run and its checkpoint (where it resumes; done once finished), in
 * one statement: each round trip of a batch's transaction waits its turn on the event loop
 * the reader keeps busy. Every write of a stream's progress goes through here. `asyncCommit`
 * makes the transaction's commit not wait for its WAL to reach disk (`set local
 * synchronous_commit = off`, asked here rather than in a round trip of its own).
 */
export async function saveStreamProgress(
  trx: Db,
  scope: UpsertScope,
  stream: string,
  counts: StreamCounts,
  checkpoint: { cursor: string | null; done: boolean; asyncCommit?: boolean },
): Promise<void> {
  const asyncCommit = checkpoint.asyncCommit
    ? sql`from (select set_config('synchronous_commit', 'off', true)) as async_commit`
    : sql``;
  await sql`with run as (
      update sync_runs set counts = ${streamCountsUpdate(stream, counts)}, heartbeat_at = now()
      ${asyncCommit}
      where id = ${scope.runId}
    )
    insert into stream_checkpoints (connection_id, stream, run_id, cursor, done, updated_at)
    values (${scope.connectionId}, ${stream}, ${scope.runId}, ${checkpoint.cursor}, ${checkpoint.done}, now())
    on conflict (connection_id, stream) do update
      set run_id = excluded.run_id, cursor = excluded.cursor, done = excluded.done, updated_at = excluded.updated_at`.execute(
    trx,
  );
}
