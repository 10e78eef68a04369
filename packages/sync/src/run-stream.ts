import {
  type ConnectorContext,
  ConnectorError,
  type ModelName,
  modelLabels,
  type StreamDefinition,
  SyncAbortedError,
} from "@roster/core";
import type { Db } from "@roster/db";
import type { RunCounts } from "./counts";
import type { EmployeeDateColumn } from "./employee-dates";
import { type RunPlan, streamRead } from "./read-plan";
import { skipStream } from "./run-lifecycle";
import { finishStream, syncStream } from "./sync-stream";
import { tableSpecs } from "./tables/index";
import { columnsKeptAsStored, type UnknownField } from "./unknown-fields";
import type { UpsertScope } from "./upsert";

/** What every stream of one run shares. */
export interface RunContext {
  db: Db;
  ctx: ConnectorContext<unknown>;
  scope: UpsertScope;
  plan: RunPlan;
  counts: RunCounts;
  storedErrors: { count: number };
  /** Permission ids verify reported granted. */
  granted: readonly string[];
  permissionLabel: (id: string) => string;
  providerName: string;
  /** What the token cannot keep current (unknown-fields.ts). */
  unknown: readonly UnknownField[];
  checkpoints: readonly { stream: string; cursor: string | null; done: boolean }[];
  batchSize: number;
  /** Each chain asks for its next page while the current one is worked on (readsAhead). */
  readAhead: boolean;
  /** The person's dates taken from the employments (employee-dates.ts). */
  datesFromEmployments: readonly EmployeeDateColumn[];
  signal: AbortSignal;
  onProgress: () => void;
}

/**
 * One stream of a run: skipped when the token may not read it (or a records run does not
 * concern it), finished when a crash left only its finish, else read under the run's plan
 * from its checkpoint. A collection the provider forbids is skipped, not fatal.
 */
export async function runStream(
  run: RunContext,
  name: string,
  stream: StreamDefinition<unknown, unknown, never> | StreamDefinition<any, any, any>,
  doneReading: () => void = () => {},
): Promise<void> {
  const { db, scope, counts } = run;
  if (run.signal.aborted) throw new SyncAbortedError("sync aborted");
  const checkpoint = run.checkpoints.find((c) => c.stream === name);
  if (checkpoint?.done) return;
  // The collection in people's words ("Custom field values"), never the stream's name.
  const collection = modelLabels[stream.model as ModelName]?.many ?? name;
  const missing = (stream.requires ?? []).filter((p: string) => !run.granted.includes(p));
  if (missing.length > 0) {
    const labels = missing.map(run.permissionLabel);
    const permissions = `${labels.map((l) => `"${l}"`).join(", ")} ${labels.length === 1 ? "permission" : "permissions"}`;
    // The skip, its reason and the stream's done checkpoint commit together: a resumed run
    // neither repeats the reason nor loses it.
    await skipStream(db, scope, name, counts, {
      message: `${collection} not read: the token lacks the ${permissions}`,
      hint: `Grant the ${permissions} to the token in ${run.providerName} to bring ${collection.toLowerCase()} back.`,
    });
    return;
  }
  const read = streamRead(name, stream, run.ctx, run.plan, checkpoint?.cursor ?? null);
  if (!read) {
    await skipStream(db, scope, name, counts, null);
    return;
  }
  // A checkpoint row with no cursor and not done: the last page is in; only the finish is left.
  if (checkpoint && checkpoint.cursor === null) {
    await finishStream(db, name, stream.model, scope, counts, read.deletions);
    return;
  }
  try {
    await syncStream({
      db,
      name,
      stream,
      read,
      cursor: checkpoint?.cursor ?? null,
      scope,
      counts,
      storedErrors: run.storedErrors,
      options: {
        batchSize: run.batchSize,
        signal: run.signal,
        onBatch: run.onProgress,
        onReadDone: doneReading,
        readAhead: run.readAhead,
        datesFromEmployments: stream.model === "employees" ? run.datesFromEmployments : [],
        keep: columnsKeptAsStored(
          tableSpecs[stream.model as keyof typeof tableSpecs],
          stream,
          run.unknown.filter((u) => u.stream === name),
        ),
      },
    });
  } catch (error) {
    // A collection the token may not read is skipped, not fatal: the rest of the directory
    // still syncs, nothing of it is marked deleted, and the run says what to grant.
    if (!(error instanceof ConnectorError && error.kind === "forbidden")) throw error;
    await skipStream(db, scope, name, counts, { message: `${collection} not read: ${error.message}`, hint: error.hint ?? null });
  }
  run.onProgress();
}
