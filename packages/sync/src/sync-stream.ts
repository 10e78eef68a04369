import { setImmediate } from "node:timers/promises";
import { type ModelName, type Models, modelSchemas, type StreamDefinition, SyncAbortedError } from "@roster/core";
import { type Db, sql } from "@roster/db";
import { copyFields } from "./copy-text";
import type { RunCounts } from "./counts";
import { hasRowsFromBeforeRun, liveRowCount, markUnseenDeleted } from "./deletions";
import { type DirectCopyPlan, type KnownTargets, planDirectCopy } from "./direct-copy";
import type { EmployeeDateColumn } from "./employee-dates";
import { abandon, inTurn, readAhead } from "./read-ahead";
import type { StreamRead } from "./read-plan";
import { tableSpecs } from "./tables/index";
import { directCopyLines, type UpsertScope } from "./upsert";
import { type Batch, keptForWrite, saveStreamProgress, writeBatch } from "./write-batch";

export interface StreamSyncOptions {
  /** At most this many records per batch (DEFAULT_BATCH_SIZE unless a caller asks otherwise). */
  batchSize: number;
  /** At most about this many characters of encoded rows per batch; default BATCH_TEXT_LIMIT. */
  batchTextLimit?: number;
  /** The run's signal: checked between pages, whatever the connector does with it. */
  signal: AbortSignal;
  onBatch?: () => void;
  /** Called once the last page is read and written, before the deletion check. */
  onReadDone?: () => void;
  /** Ask for the next page while this one is worked on (stream-concurrency.ts's readsAhead); default true. */
  readAhead?: boolean;
  /** Columns an update leaves as stored (unknown-fields.ts). */
  keep?: ReadonlySet<string>;
  /** The person's dates taken from the employments, written with each new row (upsert.ts). */
  datesFromEmployments?: readonly EmployeeDateColumn[];
}

/**
 * Mapping, checking and encoding a page is one long stretch of synchronous work (a page of
 * people takes ~10 ms); the batch being written meanwhile needs the event loop for each of its
 * statements' replies. Yielding every few records lets each reply through at once: on the
 * 100,000-person bench this took the first load from ~1.35× the raw floor to ~1.1×.
 */
export const RECORDS_BETWEEN_YIELDS = 25;

/**
 * A batch is one transaction (write-batch.ts), and each costs a few round trips beside its
 * COPY in which PostgreSQL waits on us: narrow records (an employment, a custom field value)
 * go many to a batch. Wide ones (a person with the raw record kept beside) are bounded by
 * their encoded text instead, which is most of the memory a batch holds until it is written.
 */
export const DEFAULT_BATCH_SIZE = 5000;
export const BATCH_TEXT_LIMIT = 2_000_000;

export class IncompleteReadError extends Error {
  override name = "IncompleteReadError";
}

function remoteIdOf(raw: unknown): string | null {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === "string" || typeof id === "number" ? String(id) : null;
}

/** One stream's part in a run: where it reads from and where its records and counts go. */
export interface StreamWork<M extends ModelName> {
  db: Db;
  name: string;
  stream: Pick<StreamDefinition<unknown, unknown, M>, "model" | "map">;
  read: StreamRead;
  /** Where the read resumes (the stream's checkpoint); null from the beginning. */
  cursor: string | null;
  scope: UpsertScope;
  counts: RunCounts;
  storedErrors: { count: number };
  options: StreamSyncOptions;
}

/**
 * Reads one stream from its checkpoint to the end: pages → mapper → batches of about
 * `batchSize` written set-wise, the next pages read while the previous batch is written (one
 * write in flight), and with `readAhead` each page asked for before the one in hand is mapped.
 * Memory stays flat: nothing is collected beyond one batch.
 */
export async function syncStream<M extends ModelName>(work: StreamWork<M>): Promise<void> {
  const { db, name, stream, scope, counts, storedErrors, options } = work;
  const spec = tableSpecs[stream.model] as (typeof tableSpecs)[M];
  const ahead = options.readAhead ?? true;
  // Reading ahead, the first page travels while the table is looked at.
  const pages = ahead ? readAhead(work.read.pages) : inTurn(work.read.pages);
  // Changed fields only matter for rows stored before this run, and seen ids only when
  // deletions are found by absence (deletions.ts): a first load skips both.
  const existing = await hasRowsFromBeforeRun(db, spec, scope).catch(async (error: unknown) => {
    await (ahead ? abandon(pages) : pages.return());
    throw error;
  });
  const trackSeen = existing && work.read.deletions === "by-absence";
  const upsertOptions = {
    logChanges: existing,
    keep: options.keep,
    datesFromEmployments: options.datesFromEmployments,
  };
  const schema = modelSchemas[stream.model];
  let inFlight: Promise<void> = Promise.resolve();
  let writeError: unknown;
  const emptyBatch = (cursor: string | null): Batch<M> => ({
    stream: name,
    records: [],
    encoded: [],
    failures: [],
    seen: [],
    deleted: [],
    read: 0,
    cursor,
  });
  let buffer = emptyBatch(work.cursor);
  let bufferedText = 0;
  const textLimit = options.batchTextLimit ?? BATCH_TEXT_LIMIT;
  const byId = new Map<string, number>();
  let reachedEnd = false;

  // The batch whose write is in flight, for the next one's plan: its rows may not be committed yet.
  let writing: { remoteIds: ReadonlySet<string>; plan: Promise<DirectCopyPlan<M> | undefined> } | undefined;
  const knownTargets: KnownTargets = new Map();
  const planAhead = async (batch: Batch<M>, before: typeof writing): Promise<DirectCopyPlan<M> | undefined> => {
    if (batch.records.length === 0) return undefined;
    const beforePlan = before ? await before.plan : undefined;
    const plan = await planDirectCopy(db, spec, batch.records, scope.connectionId, {
      datesFromEmployments: options.datesFromEmployments,
      beingWritten: before && { remoteIds: before.remoteIds, newIds: beforePlan?.newIds ?? new Map() },
      knownTargets,
    });
    if (plan.collides) return plan;
    // The COPY's lines are made now, while the batch before is still being written, so this
    // batch's write sends them at once; the encoded rows they were made from are let go.
    const lines = directCopyLines(spec, batch.records, batch.encoded, scope, plan, options.datesFromEmployments ?? []);
    batch.encoded = [];
    return { ...plan, lines };
  };

  const flush = async () => {
    const batch = buffer;
    buffer = emptyBatch(batch.cursor);
    bufferedText = 0;
    byId.clear();
    // A batch's questions (which of its records are stored, where its links point, its people's
    // dates) are asked on another pooled connection while the batch before it is written, so
    // the write's own connection only COPYs. Inside a caller's transaction they wait their turn.
    const plan = db.isTransaction ? Promise.resolve(undefined) : planAhead(batch, writing);
    // Its failure is the write's, seen when the write awaits it.
    plan.catch(() => {});
    writing = { remoteIds: new Set(batch.records.map((r) => r.remoteId)), plan };
    await inFlight;
    if (writeError) throw writeError;
    inFlight = plan
      .then((planned) => writeBatch(db, spec, batch, scope, counts, storedErrors, { ...upsertOptions, plan: planned }))
      .then(options.onBatch, (error) => {
        writeError = error;
      });
  };

  try {
    for await (const page of pages) {
      if (writeError) throw writeError;
      // Checked here too, so a connector that forgets the signal still stops between pages.
      if (options.signal.aborted) throw new SyncAbortedError("sync aborted");
      if (page.deleted?.length) buffer.deleted.push(...page.deleted);
      for (const [index, raw] of page.records.entries()) {
        if (index > 0 && index % RECORDS_BETWEEN_YIELDS === 0) await setImmediate();
        buffer.read++;
        const mapped = stream.map(raw);
        if (!mapped.ok) {
          buffer.failures.push({ remoteId: mapped.remoteId, reason: mapped.reason });
          if (mapped.remoteId && trackSeen) buffer.seen.push(mapped.remoteId);
          continue;
        }
        // The mapper's output is checked against the unified schema: a connector bug
        // becomes a reported record, never half a row.
        const checked = schema.safeParse(mapped.value);
        if (!checked.success) {
          const remoteId = (mapped.value as { remoteId?: string }).remoteId ?? remoteIdOf(raw);
          const issue = checked.error.issues[0];
          buffer.failures.push({ remoteId, reason: `mapped record is invalid: ${issue?.path.join(".")}: ${issue?.message}` });
          if (remoteId && trackSeen) buffer.seen.push(remoteId);
          continue;
        }
        const record = checked.data as Models[M];
        if (trackSeen) buffer.seen.push(record.remoteId);
        // Encoded here, while the previous batch is being written, so that write is
        // PostgreSQL's work alone rather than ours then PostgreSQL's.
        const encoded = copyFields(spec.columns, record);
        bufferedText += encoded.length;
        const kept = keptForWrite(spec, record);
        // One statement cannot update a row twice: a record repeated within a batch keeps its last version.
        const at = byId.get(record.remoteId);
        if (at === undefined) {
          byId.set(record.remoteId, buffer.records.length);
          buffer.records.push(kept);
          buffer.encoded.push(encoded);
        } else {
          buffer.records[at] = kept;
          buffer.encoded[at] = encoded;
        }
      }
      buffer.cursor = page.nextCursor;
      if (page.nextCursor === null) reachedEnd = true;
      const full = buffer.read >= options.batchSize || bufferedText >= textLimit;
      if (full || page.nextCursor === null) await flush();
      if (reachedEnd) break;
    }
    if (buffer.read > 0 || buffer.failures.length > 0 || buffer.deleted.length > 0) await flush();
    await inFlight;
    if (writeError) throw writeError;
  } finally {
    // Never leave a write running behind a failure or an abort: the next attempt must
    // start from a settled checkpoint.
    await inFlight;
  }

  if (!reachedEnd && buffer.cursor !== null) {
    throw new IncompleteReadError(`stream ${name} ended before its last page (cursor ${buffer.cursor})`);
  }
  options.onReadDone?.();

  await finishStream(db, name, stream.model, scope, counts, work.read.deletions, existing);
}

/**
 * After the last page: marks what was not seen as deleted, and the stream as done, in one
 * transaction. Deletions only follow a complete read; and a complete read of nothing where
 * rows exist is far more likely a provider or permission problem than everyone leaving,
 * so the rows are kept. `storedBefore` (whether the connection had rows in the table before
 * this run) is asked here when the caller does not know it.
 */
export async function finishStream(
  db: Db,
  name: string,
  model: ModelName,
  scope: UpsertScope,
  counts: RunCounts,
  deletions: StreamRead["deletions"],
  storedBefore?: boolean,
): Promise<void> {
  const spec = tableSpecs[model];
  const streamCounts = counts[name]!;
  // The pages named what is gone (written with their batches), or every row is this run's and
  // so was seen by it (a first load): nothing to infer by absence. Such a table is left to
  // autovacuum's statistics; nothing after the streams needs them (references.ts,
  // employee-dates.ts), and analyzing it here would hold the next stream back.
  if (deletions === "reported" || !(storedBefore ?? (await hasRowsFromBeforeRun(db, spec, scope)))) {
    streamCounts.done = true;
    await saveStreamProgress(db, scope, name, streamCounts, { cursor: null, done: true });
    return;
  }
  // Fresh statistics after a bulk load: without them the planner takes a table that grew from
  // nothing in this run for a tiny one, and the deletion check crawls.
  await sql`analyze sync_seen`.execute(db);
  await sql`analyze ${sql.table(spec.table)}`.execute(db);
  const deleted = await db.transaction().execute(async (trx) => {
    const readNothing = streamCounts.read === 0 && (await liveRowCount(trx, spec, scope.connectionId)) > 0;
    // A record that could not even be identified might be any stored one: deleting by absence
    // would then drop a person who still exists, so this run marks nothing deleted.
    const unidentified = await trx
      .selectFrom("sync_errors")
      .select("id")
      .where("run_id", "=", scope.runId)
      .where("stream", "=", name)
      .where("kind", "=", "mapping")
      .where("remote_id", "is", null)
      .executeTakeFirst();
    if (unidentified) {
      await trx
        .insertInto("sync_errors")
        .values({
          run_id: scope.runId,
          stream: name,
          remote_id: null,
          kind: "deletions_skipped",
          message: `Deletions in ${name} were not applied: some records could not be identified`,
          hint: "Records removed at the provider will be marked deleted by the next sync whose records are all identifiable.",
        })
        .execute();
    }
    const deleted = readNothing || unidentified ? 0 : await markUnseenDeleted(trx, spec, name, scope);
    const next = { ...streamCounts, deleted: streamCounts.deleted + deleted, done: true };
    await saveStreamProgress(trx, scope, name, next, { cursor: null, done: true });
    return deleted;
  });
  streamCounts.deleted += deleted;
  streamCounts.done = true;
}
