import type { ChangesPage, Connector, ConnectorContext, StreamDefinition } from "@roster/core";
import type { SyncRunMode } from "@roster/db";

/** A week: how long changes reads may run before a full read catches what the feed missed. */
export const DEFAULT_FULL_SYNC_EVERY_HOURS = 168;

export interface RunPlan {
  mode: SyncRunMode;
  /** changes: what changed since then (the last successful run's start). */
  since: Date | null;
  /** records: the records a webhook named. */
  records: { stream: string; remoteIds: string[] } | null;
}

/**
 * How a new run reads. `records` when asked to re-read named records; else `changes` when the
 * connector can read changes, the connection has synced, and its last full read is recent
 * enough (manifest.fullSyncEveryHours); else `full`. `full` forces a full read.
 */
export function planRun(input: {
  connector: Connector;
  lastSuccessStart: Date | null;
  lastFullSyncAt: Date | null;
  records?: { stream: string; remoteIds: string[] } | undefined;
  full?: boolean | undefined;
  now: Date;
}): RunPlan {
  if (input.records) return { mode: "records", since: null, records: input.records };
  const canReadChanges = Object.values(input.connector.streams).some((s) => s.readChanges !== undefined);
  const everyMs = (input.connector.manifest.fullSyncEveryHours ?? DEFAULT_FULL_SYNC_EVERY_HOURS) * 3_600_000;
  const fullIsRecent = input.lastFullSyncAt !== null && input.now.getTime() - input.lastFullSyncAt.getTime() < everyMs;
  if (!input.full && canReadChanges && input.lastSuccessStart !== null && fullIsRecent) {
    return { mode: "changes", since: input.lastSuccessStart, records: null };
  }
  return { mode: "full", since: null, records: null };
}

/** How one stream is read in a run, and how its deletions are found. */
export interface StreamRead {
  pages: AsyncIterable<ChangesPage<unknown>>;
  /** by-absence: what a complete read did not see is deleted; reported: only the ids the pages name. */
  deletions: "by-absence" | "reported";
}

/**
 * The read of one stream under the run's plan, or null when the stream takes no part (a
 * records run re-reads only its stream). A stream without readChanges is read in full in a
 * changes run: a complete read of it is still cheap and exact.
 */
export function streamRead(
  name: string,
  stream: StreamDefinition<unknown, unknown, never> | StreamDefinition<any, any, any>,
  ctx: ConnectorContext<unknown>,
  plan: RunPlan,
  cursor: string | null,
): StreamRead | null {
  if (plan.mode === "records") {
    if (plan.records?.stream !== name) return null;
    if (!stream.readRecords) throw new Error(`stream ${name} cannot read named records`);
    return { pages: stream.readRecords(ctx, plan.records.remoteIds), deletions: "reported" };
  }
  if (plan.mode === "changes" && stream.readChanges && plan.since) {
    return { pages: stream.readChanges(ctx, { cursor, since: plan.since }), deletions: "reported" };
  }
  return { pages: stream.read(ctx, { cursor, since: plan.since }), deletions: "by-absence" };
}
