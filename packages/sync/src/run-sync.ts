import {
  type Connector,
  ConnectorError,
  createConnectorContext,
  type ModelName,
  type RetryPolicy,
  SyncAbortedError,
  type VerifyResult,
} from "@roster/core";
import { type Db, sql } from "@roster/db";
import { createLogger, type Logger } from "@roster/logger";
import { recordConnectionPermissions } from "@roster/webhooks";
import { emptyCounts, type RunCounts } from "./counts";
import { resolveReferences } from "./references";
import { runScheduled, STREAM_CONCURRENCY } from "./stream-schedule";
import { finishStream, IncompleteReadError, syncStream } from "./sync-stream";
import { tableSpecs } from "./tables/index";
import type { UpsertScope } from "./upsert";
import { saveStreamProgress } from "./write-batch";

export interface RunSyncInput {
  db: Db;
  connector: Connector;
  /** Decrypted credentials; parsed by the connector's schema here. */
  credentials: unknown;
  connection: { id: string; organisationId: string; lastSuccessAt: Date | null };
  trigger: string;
  log?: Logger;
  signal?: AbortSignal;
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
  batchSize?: number;
  /** Streams read and written at once (stream-schedule.ts); 1 runs them one after another. */
  streamConcurrency?: number;
  /** See ContextOptions.rateLimit: undefined keeps the connector's hint. */
  rateLimit?: { perSecond: number; burst?: number } | null;
  onProgress?: (counts: RunCounts) => void;
}

export interface SyncOutcome {
  runId: string;
  status: "succeeded" | "failed";
  /** A ConnectorError kind, "internal" for a bug or database failure. */
  errorKind?: string;
  errorMessage?: string;
  counts: RunCounts;
  /** True when this continued a run that a crash had interrupted. */
  resumed: boolean;
  verify?: VerifyResult;
}

export class SyncInProgressError extends Error {
  override name = "SyncInProgressError";
}

/** A running run of this connection left by a crash is continued; otherwise a new one starts. */
async function openRun(db: Db, input: RunSyncInput): Promise<{ runId: string; counts: RunCounts; resumed: boolean }> {
  const existing = await db
    .selectFrom("sync_runs")
    .select(["id", "counts"])
    .where("connection_id", "=", input.connection.id)
    .where("status", "=", "running")
    .orderBy("started_at", "desc")
    .executeTakeFirst();
  if (existing) {
    await db
      .updateTable("sync_runs")
      .set((eb) => ({ attempts: eb("attempts", "+", 1), heartbeat_at: new Date() }))
      .where("id", "=", existing.id)
      .execute();
    return { runId: existing.id, counts: existing.counts as RunCounts, resumed: true };
  }
  // A new run starts clean: checkpoints of any earlier run no longer apply.
  await db.deleteFrom("stream_checkpoints").where("connection_id", "=", input.connection.id).execute();
  const run = await db
    .insertInto("sync_runs")
    .values({
      organisation_id: input.connection.organisationId,
      connection_id: input.connection.id,
      trigger: input.trigger,
      heartbeat_at: new Date(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { runId: run.id, counts: {}, resumed: false };
}

function classify(error: unknown): { kind: string; message: string; hint: string | null } {
  if (error instanceof ConnectorError) return { kind: error.kind, message: error.message, hint: error.hint ?? null };
  if (error instanceof IncompleteReadError) {
    return { kind: "provider_error", message: error.message, hint: "The provider stopped paging early; Roster will retry." };
  }
  return {
    kind: "internal",
    message: `Roster failed while syncing: ${(error as Error)?.message ?? String(error)}`,
    hint: "This is a problem in Roster, not in your data. It is retried automatically; report it if it persists.",
  };
}

/**
 * Runs every stream of a connector for one connection into PostgreSQL, resumably.
 * Holds a PostgreSQL advisory lock for the connection so two syncs of it never overlap,
 * whoever starts them (worker, CLI). Never throws for provider or data failures: those
 * end the run as failed with its errors recorded. An abort leaves the run resumable.
 */
export async function runSync(input: RunSyncInput): Promise<SyncOutcome> {
  const { db } = input;
  const log = (input.log ?? createLogger("sync")).child({ connectionId: input.connection.id });
  const signal = input.signal ?? new AbortController().signal;
  return db.connection().execute(async (lockConnection) => {
    const { rows } = await sql<{
      locked: boolean;
    }>`select pg_try_advisory_lock(hashtextextended(${input.connection.id}, 0)) as locked`.execute(lockConnection);
    if (!rows[0]?.locked) throw new SyncInProgressError(`a sync of connection ${input.connection.id} is already running`);
    try {
      return await runLocked(input, log, signal);
    } finally {
      await sql`select pg_advisory_unlock(hashtextextended(${input.connection.id}, 0))`.execute(lockConnection);
    }
  });
}

async function runLocked(input: RunSyncInput, log: Logger, signal: AbortSignal): Promise<SyncOutcome> {
  const { db, connector } = input;
  const { runId, counts, resumed } = await openRun(db, input);
  const scope: UpsertScope = { organisationId: input.connection.organisationId, connectionId: input.connection.id, runId };
  const storedErrors = { count: 0 };
  log.info({ runId, resumed, trigger: input.trigger }, resumed ? "resuming sync" : "starting sync");
  let verify: VerifyResult | undefined;
  try {
    // Streams run side by side (stream-schedule.ts): the first to fail stops the others.
    const stopStreams = new AbortController();
    const ctx = createConnectorContext(connector, input.credentials, {
      log,
      signal: AbortSignal.any([signal, stopStreams.signal]),
      retry: input.retry,
      timeoutMs: input.timeoutMs,
      rateLimit: input.rateLimit,
    });
    verify = await connector.verify(ctx);
    await db
      .updateTable("connections")
      .set({ account: JSON.stringify(verify.account) })
      .where("id", "=", input.connection.id)
      .execute();
    // Stores the grant, with a connection.permissions_changed event when it differs from the last one.
    await recordConnectionPermissions(db, input.connection.id, { granted: verify.granted, missing: verify.missing });

    const checkpoints = await db
      .selectFrom("stream_checkpoints")
      .selectAll()
      .where("connection_id", "=", input.connection.id)
      .where("run_id", "=", runId)
      .execute();
    const streams = Object.entries(connector.streams).map(([name, stream]) => ({ name, model: stream.model, stream }));
    for (const { name } of streams) counts[name] ??= emptyCounts();
    const runStream = async ({ name, stream }: (typeof streams)[number]) => {
      if (signal.aborted) throw new SyncAbortedError("sync aborted");
      const missing = (stream.requires ?? []).filter((p) => verify?.missing.includes(p));
      const checkpoint = checkpoints.find((c) => c.stream === name);
      if (checkpoint?.done) return;
      if (missing.length > 0) {
        const labels = missing.map((id) => connector.manifest.permissions.find((p) => p.id === id)?.label ?? id);
        // The skip, its reason and the stream's done checkpoint commit together: a resumed run
        // neither repeats the reason nor loses it.
        await skipStream(
          db,
          scope,
          name,
          counts,
          `the token lacks ${labels.map((l) => `"${l}"`).join(", ")}`,
          `Grant ${labels.join(", ")} to the token in ${connector.manifest.name} to sync ${name}.`,
        );
        return;
      }
      // A checkpoint row with no cursor and not done: the last page is in; only the finish is left.
      if (checkpoint && checkpoint.cursor === null) {
        await finishStream(db, name, stream.model, scope, counts);
        return;
      }
      try {
        await syncStream(
          db,
          name,
          stream,
          ctx,
          scope,
          { cursor: checkpoint?.cursor ?? null, since: input.connection.lastSuccessAt },
          counts,
          storedErrors,
          {
            batchSize: input.batchSize ?? 1000,
            onBatch: () => input.onProgress?.(counts),
          },
        );
      } catch (error) {
        // A collection the token may not read is skipped, not fatal: the rest of the directory
        // still syncs, nothing of it is marked deleted, and the run says what to grant.
        if (!(error instanceof ConnectorError && error.kind === "forbidden")) throw error;
        await skipStream(db, scope, name, counts, error.message, error.hint ?? null);
      }
      input.onProgress?.(counts);
    };
    await runScheduled(streams, input.streamConcurrency ?? STREAM_CONCURRENCY, runStream, () => stopStreams.abort());
    // An abort asked for while the last streams were finishing still stops the run here; it
    // resumes with every stream done, and only the references and the finish left.
    if (signal.aborted) throw new SyncAbortedError("sync aborted");
    const touched = new Set<ModelName>(streams.map((s) => s.model));
    for (const model of touched) await resolveReferences(db, tableSpecs[model], input.connection.id);
    await finishRun(db, runId, input.connection.id, "succeeded", counts, null);
    log.info({ runId, counts }, "sync succeeded");
    return { runId, status: "succeeded", counts, resumed, verify };
  } catch (error) {
    if (signal.aborted || error instanceof SyncAbortedError) {
      log.warn({ runId }, "sync aborted; it resumes from its checkpoints on the next attempt");
      throw error instanceof SyncAbortedError ? error : new SyncAbortedError("sync aborted");
    }
    const failure = classify(error);
    log.error({ runId, kind: failure.kind, err: error }, "sync failed");
    await db
      .insertInto("sync_errors")
      .values({ run_id: runId, stream: null, remote_id: null, kind: failure.kind, message: failure.message, hint: failure.hint })
      .execute();
    await finishRun(db, runId, input.connection.id, "failed", counts, failure);
    return { runId, status: "failed", errorKind: failure.kind, errorMessage: failure.message, counts, resumed, verify };
  }
}

async function skipStream(
  db: Db,
  scope: UpsertScope,
  stream: string,
  counts: RunCounts,
  message: string | null,
  hint: string | null,
): Promise<void> {
  counts[stream] = { ...(counts[stream] ?? emptyCounts()), done: true };
  await db.transaction().execute(async (trx) => {
    if (message) {
      await trx
        .insertInto("sync_errors")
        .values({ run_id: scope.runId, stream, remote_id: null, kind: "skipped", message: `Skipped ${stream}: ${message}`, hint })
        .execute();
    }
    await saveStreamProgress(trx, scope, stream, counts[stream]!, { cursor: null, done: true });
  });
}

async function finishRun(
  db: Db,
  runId: string,
  connectionId: string,
  status: "succeeded" | "failed",
  counts: RunCounts,
  failure: { kind: string; message: string } | null,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const now = new Date();
    await trx
      .updateTable("sync_runs")
      .set({
        status,
        finished_at: now,
        counts: JSON.stringify(counts),
        error_kind: failure?.kind ?? null,
        error_message: failure?.message ?? null,
      })
      .where("id", "=", runId)
      .execute();
    await trx.deleteFrom("sync_seen").where("run_id", "=", runId).execute();
    // A failed run is not resumed: the retry starts a fresh, complete read.
    await trx.deleteFrom("stream_checkpoints").where("connection_id", "=", connectionId).execute();
    await trx
      .updateTable("connections")
      .set(
        status === "succeeded"
          ? { last_sync_at: now, last_success_at: now, updated_at: now }
          : { last_sync_at: now, updated_at: now },
      )
      .where("id", "=", connectionId)
      .execute();
  });
}
