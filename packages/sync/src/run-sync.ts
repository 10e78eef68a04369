import {
  type Connector,
  createConnectorContext,
  type ModelName,
  type RetryPolicy,
  SyncAbortedError,
  type VerifyResult,
} from "@roster/core";
import { type Db, type PermissionChange, type StaleField, sql } from "@roster/db";
import { createLogger, type Logger } from "@roster/logger";
import { emptyCounts, type RunCounts } from "./counts";
import { deriveEmployeeDates, type EmployeeDateColumn, omittedEmployeeDates } from "./employee-dates";
import { markPermissionsUnknown, savePermissions } from "./permissions";
import { planRun, type RunPlan } from "./read-plan";
import { resolveReferences } from "./references";
import { classify, finishRun, lastSuccessStart, openRun } from "./run-lifecycle";
import { type RunContext, runStream } from "./run-stream";
import { recordStaleFields } from "./stale-fields";
import { chooseStreamConcurrency, readsAhead, timedHttp } from "./stream-concurrency";
import { runScheduled, type ScheduledStream } from "./stream-schedule";
import { DEFAULT_BATCH_SIZE } from "./sync-stream";
import { tableSpecs } from "./tables/index";
import { staleFieldLabels, unknownFields, WHOLE_COLLECTION } from "./unknown-fields";
import type { UpsertScope } from "./upsert";

export interface RunSyncInput {
  db: Db;
  connector: Connector;
  /** Decrypted credentials; parsed by the connector's schema here. */
  credentials: unknown;
  connection: {
    id: string;
    organisationId: string;
    lastSuccessAt: Date | null;
    /** The start of the last run that read everything (changes reads run until it is too old). */
    lastFullSyncAt?: Date | null;
  };
  trigger: string;
  /** The API request that asked for this sync (X-Request-Id), stored on the run it starts. */
  requestId?: string;
  /** Re-read only these records of one stream (a webhook named them); deletions are what the provider reports. */
  records?: { stream: string; remoteIds: string[] };
  /** Read every stream in full even where a changes read would do (against drift). */
  full?: boolean;
  log?: Logger;
  signal?: AbortSignal;
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
  /** Records per batch at most (sync-stream.ts); each batch is also bounded by its encoded text. */
  batchSize?: number;
  /**
   * Streams read and written at once (stream-schedule.ts); 1 runs them one after another.
   * Default: chosen from the manifest, the latency seen and the rate limit (stream-concurrency.ts).
   */
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
  /** How it read: everything, the changes since the last sync, or named records. */
  mode: RunPlan["mode"];
  verify?: VerifyResult;
  /** What this run did not keep current (fields and whole collections the token cannot read). */
  stale: StaleField[];
  /** Permissions found lost or restored since the run before; null when none changed. */
  permissionChange: PermissionChange | null;
  /** How many streams were read at once (0 when the run failed before reading). */
  streamConcurrency: number;
  /** Whether each chain asked for its next page while working on the current one (stream-concurrency.ts). */
  readAhead: boolean;
}

export class SyncInProgressError extends Error {
  override name = "SyncInProgressError";
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
  const { db, connector, connection } = input;
  const { runId, counts, resumed, plan } = await openRun(
    db,
    connection,
    { trigger: input.trigger, requestId: input.requestId },
    async () =>
      planRun({
        connector,
        lastSuccessStart: connection.lastSuccessAt ? await lastSuccessStart(db, connection.id) : null,
        lastFullSyncAt: connection.lastFullSyncAt ?? null,
        records: input.records,
        full: input.full,
        now: new Date(),
      }),
  );
  const scope: UpsertScope = { organisationId: connection.organisationId, connectionId: connection.id, runId };
  const finishing = { id: runId, connectionId: connection.id, mode: plan.mode };
  log.info({ runId, resumed, trigger: input.trigger, mode: plan.mode }, resumed ? "resuming sync" : "starting sync");
  let verify: VerifyResult | undefined;
  let stale: StaleField[] = [];
  let permissionChange: PermissionChange | null = null;
  let streamConcurrency = 0;
  let readAhead = false;
  // What either outcome reports of how far the run got.
  const reached = () => ({
    runId,
    counts,
    resumed,
    mode: plan.mode,
    verify,
    stale,
    permissionChange,
    streamConcurrency,
    readAhead,
  });
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
    // Verify's requests are timed: their round trip says whether the run will wait on the provider.
    const timed = timedHttp(ctx.http);
    try {
      verify = await connector.verify({ ...ctx, http: timed.http });
    } catch (error) {
      // Whatever the token could read before is no longer known: the checklist says so.
      if (!(error instanceof SyncAbortedError)) await markPermissionsUnknown(db, connection.id, error);
      throw error;
    }
    await savePermissions(db, connection.id, verify);
    const unknown = unknownFields(connector, verify.granted);
    const recorded = await recordStaleFields(db, scope, unknown, {
      syncedBefore: connection.lastSuccessAt !== null,
      now: new Date(),
      labelsOf: (field) => staleFieldLabels(connector, field),
    });
    stale = recorded.stale;
    permissionChange = recorded.change.lost.length + recorded.change.restored.length > 0 ? recorded.change : null;
    if (permissionChange) log.warn({ runId, permissionChange }, "the token's permissions changed since the last sync");

    // A lookup (a page or two) takes no slot: the long chains start at once beside it.
    const streams = Object.entries(connector.streams).map(([name, stream]) => ({
      name,
      model: stream.model,
      stream,
      ...(stream.lookup ? { reads: false } : {}),
    }));
    for (const { name } of streams) counts[name] ??= emptyCounts();
    const skipped = new Set(unknown.filter((u) => u.field === WHOLE_COLLECTION).map((u) => u.stream));
    const run: RunContext = {
      db,
      ctx,
      scope,
      plan,
      counts,
      storedErrors: { count: 0 },
      granted: verify.granted,
      permissionLabel: (id) => connector.manifest.permissions.find((p) => p.id === id)?.label ?? id,
      providerName: connector.manifest.name,
      unknown,
      checkpoints: await db
        .selectFrom("stream_checkpoints")
        .select(["stream", "cursor", "done"])
        .where("connection_id", "=", connection.id)
        .where("run_id", "=", runId)
        .execute(),
      batchSize: input.batchSize ?? DEFAULT_BATCH_SIZE,
      readAhead: readsAhead(timed.fastestMs()),
      datesFromEmployments: datesFromEmployments(connector, skipped),
      signal: ctx.signal,
      onProgress: () => input.onProgress?.(counts),
    };
    streamConcurrency =
      input.streamConcurrency ??
      chooseStreamConcurrency({
        allowed: connector.manifest.streamConcurrency,
        latencyMs: timed.fastestMs(),
        rateLimit: input.rateLimit === undefined ? connector.manifest.rateLimit : input.rateLimit,
      });
    readAhead = run.readAhead;
    log.info({ runId, streamConcurrency, readAhead, latencyMs: timed.fastestMs() }, "reading streams");
    const steps = finishingSteps(streams, {
      links: (model) => resolveReferences(db, tableSpecs[model], connection.id),
      employeeDates: () =>
        deriveEmployeeDates(db, scope, run.datesFromEmployments, {
          logChanges: connection.lastSuccessAt !== null,
        }),
    });
    await runScheduled(
      [...streams, ...steps],
      streamConcurrency,
      (item, doneReading) => ("step" in item ? item.step() : runStream(run, item.name, item.stream, doneReading)),
      () => stopStreams.abort(),
    );
    // An abort asked for while the last streams were finishing still stops the run here; it
    // resumes with every stream done, and only the steps on stored rows and the finish left.
    if (signal.aborted) throw new SyncAbortedError("sync aborted");
    await finishRun(db, finishing, "succeeded", counts, null);
    log.info({ runId, counts }, "sync succeeded");
    return { ...reached(), status: "succeeded" };
  } catch (error) {
    if (signal.aborted || error instanceof SyncAbortedError) {
      log.warn({ runId }, "sync aborted; it resumes from its checkpoints on the next attempt");
      throw error instanceof SyncAbortedError ? error : new SyncAbortedError("sync aborted");
    }
    const failure = classify(error);
    log.error({ runId, kind: failure.kind, err: error }, "sync failed");
    // A token rejected part-way through: the checklist no longer knows what it grants.
    if (failure.kind === "invalid_credentials" && verify) await markPermissionsUnknown(db, connection.id, error);
    await db
      .insertInto("sync_errors")
      .values({ run_id: runId, stream: null, remote_id: null, kind: failure.kind, message: failure.message, hint: failure.hint })
      .execute();
    await finishRun(db, finishing, "failed", counts, failure);
    return { ...reached(), status: "failed", errorKind: failure.kind, errorMessage: failure.message };
  }
}

interface FinishingStep extends ScheduledStream {
  step: () => Promise<unknown>;
}

/**
 * The set-wise steps on stored rows, each as soon as the streams it reads are in rather than
 * after the last stream: a table's links once it and every table it links to are written, a
 * person's dates once people and employments are (and the people's links, so the two updates
 * never hold the same rows at once). They run beside the longest chains still reading.
 */
function finishingSteps(
  streams: readonly ScheduledStream[],
  work: { links: (model: ModelName) => Promise<unknown>; employeeDates: () => Promise<unknown> },
): FinishingStep[] {
  const writers = (tables: ReadonlySet<string>) =>
    streams.filter((s) => tables.has(tableSpecs[s.model].table)).map((s) => s.name);
  const steps: FinishingStep[] = [];
  for (const model of new Set(streams.map((s) => s.model))) {
    const spec = tableSpecs[model];
    if (!spec.references?.length) continue;
    const tables = new Set([spec.table, ...spec.references.map((ref) => ref.targetTable)]);
    steps.push({ name: `links of ${spec.table}`, model, after: writers(tables), reads: false, step: () => work.links(model) });
  }
  const datesAfter = [
    ...writers(new Set(["employees", "employments"])),
    ...steps.filter((s) => s.model === "employees").map((s) => s.name),
  ];
  steps.push({ name: "employee dates", model: "employees", after: datesAfter, reads: false, step: work.employeeDates });
  return steps;
}

/**
 * The person's dates the people stream omits, which come from the employments
 * (employee-dates.ts); none when the employments (or the people) are not read this run.
 */
function datesFromEmployments(connector: Connector, skipped: ReadonlySet<string>): EmployeeDateColumn[] {
  const entries = Object.entries(connector.streams);
  const people = entries.find(([name, s]) => s.model === "employees" && !skipped.has(name))?.[1];
  const employments = entries.find(([name, s]) => s.model === "employments" && !skipped.has(name));
  return people && employments ? omittedEmployeeDates(people.omits) : [];
}
