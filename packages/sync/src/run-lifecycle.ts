import { ConnectorError } from "@roster/core";
import { type Db, sql } from "@roster/db";
import { emptyCounts, type RunCounts } from "./counts";
import type { RunPlan } from "./read-plan";
import { IncompleteReadError } from "./sync-stream";
import type { UpsertScope } from "./upsert";
import { saveStreamProgress } from "./write-batch";

export interface OpenedRun {
  runId: string;
  counts: RunCounts;
  resumed: boolean;
  plan: RunPlan;
}

/**
 * A running run of this connection left by a crash is continued, with the plan (and request id)
 * it started with; otherwise a new run starts with `plan()`.
 */
export async function openRun(
  db: Db,
  connection: { id: string; organisationId: string },
  asked: { trigger: string; requestId?: string },
  plan: () => Promise<RunPlan>,
): Promise<OpenedRun> {
  const existing = await db
    .selectFrom("sync_runs")
    .select(["id", "counts", "mode", "changes_since", "records"])
    .where("connection_id", "=", connection.id)
    .where("status", "=", "running")
    .orderBy("started_at", "desc")
    .executeTakeFirst();
  if (existing) {
    await db
      .updateTable("sync_runs")
      .set((eb) => ({ attempts: eb("attempts", "+", 1), heartbeat_at: new Date() }))
      .where("id", "=", existing.id)
      .execute();
    const records = existing.records as RunPlan["records"];
    return {
      runId: existing.id,
      counts: existing.counts as RunCounts,
      resumed: true,
      plan: { mode: existing.mode, since: existing.changes_since, records },
    };
  }
  const chosen = await plan();
  // A new run starts clean: checkpoints of any earlier run no longer apply.
  await db.deleteFrom("stream_checkpoints").where("connection_id", "=", connection.id).execute();
  const run = await db
    .insertInto("sync_runs")
    .values({
      organisation_id: connection.organisationId,
      connection_id: connection.id,
      trigger: asked.trigger,
      request_id: asked.requestId ?? null,
      heartbeat_at: new Date(),
      mode: chosen.mode,
      changes_since: chosen.since,
      records: chosen.records ? JSON.stringify(chosen.records) : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { runId: run.id, counts: {}, resumed: false, plan: chosen };
}

/**
 * The start of the connection's last successful full or changes read: what the next changes
 * read reads from. Records runs do not count: they read only the records a webhook named.
 */
export async function lastSuccessStart(db: Db, connectionId: string): Promise<Date | null> {
  const run = await db
    .selectFrom("sync_runs")
    .select("started_at")
    .where("connection_id", "=", connectionId)
    .where("status", "=", "succeeded")
    .where("mode", "in", ["full", "changes"])
    .orderBy("started_at", "desc")
    .executeTakeFirst();
  return run?.started_at ?? null;
}

export function classify(error: unknown): { kind: string; message: string; hint: string | null } {
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

/** A stream not read this run, with the reason (the collection and the permission, in people's words) when there is one. */
export async function skipStream(
  db: Db,
  scope: UpsertScope,
  stream: string,
  counts: RunCounts,
  reason: { message: string; hint: string | null } | null,
): Promise<void> {
  counts[stream] = { ...(counts[stream] ?? emptyCounts()), done: true };
  await db.transaction().execute(async (trx) => {
    if (reason) {
      await trx
        .insertInto("sync_errors")
        .values({
          run_id: scope.runId,
          stream,
          remote_id: null,
          kind: "skipped",
          message: reason.message,
          hint: reason.hint,
        })
        .execute();
    }
    await saveStreamProgress(trx, scope, stream, counts[stream]!, { cursor: null, done: true });
  });
}

/**
 * The run's end, in one transaction: its status and counts, its working rows gone, and the
 * connection's times (a successful full read also dates the connection's last full sync).
 */
export async function finishRun(
  db: Db,
  run: { id: string; connectionId: string; mode: RunPlan["mode"] },
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
      .where("id", "=", run.id)
      .execute();
    await trx.deleteFrom("sync_seen").where("run_id", "=", run.id).execute();
    // A failed run is not resumed: the retry starts a fresh, complete read.
    await trx.deleteFrom("stream_checkpoints").where("connection_id", "=", run.connectionId).execute();
    const fullSync = status === "succeeded" && run.mode === "full";
    await sql`update connections set last_sync_at = ${now}, updated_at = ${now},
        last_success_at = case when ${status === "succeeded"} then ${now}::timestamptz else last_success_at end,
        last_full_sync_at = case when ${fullSync}
          then (select started_at from sync_runs where id = ${run.id}) else last_full_sync_at end
      where id = ${run.connectionId}`.execute(trx);
  });
}
