import { addRecordSyncJob, BUSY_RECHECK_SECONDS } from "@roster/connection-policy";
import { sql } from "@roster/db";
import type { Task } from "graphile-worker";
import { z } from "zod";
import { SyncAlreadyRunningError, type WorkerDeps } from "../deps";

export const syncRecordsPayload = z.object({ connectionId: z.string().uuid() });

/** Records re-read per run of one stream: a bulk edit's webhooks go in runs of this many. */
const RECORDS_PER_RUN = 500;

/**
 * How long a connection's accepted delivery ids are kept to refuse replays. Far longer than any
 * connector's freshness window (BambooHR's: minutes), past which a replay fails verification anyway.
 */
export const DELIVERY_IDS_KEPT_HOURS = 24;

/**
 * Re-reads the records webhooks named (pending_record_syncs), one records-mode run per stream
 * with the union of the ids queued so far. Only the entries it claimed are removed, and only
 * after their run succeeded: an id queued again meanwhile (a newer change) stays for the next
 * run, and a failed run leaves its ids pending and fails the job so graphile retries it.
 * These runs do not go through the connection's failure policy: the scheduled syncs do, and a
 * full or changes read picks up whatever a failed records run missed.
 */
export function syncRecords(deps: WorkerDeps): Task<"sync_records"> {
  return async (payload, helpers) => {
    const { connectionId } = syncRecordsPayload.parse(payload);
    const log = deps.log.child({ task: "sync_records", connectionId, jobId: helpers.job.id });

    const connection = await deps.db
      .selectFrom("connections as c")
      .innerJoin("organisations as o", "o.id", "c.organisation_id")
      .select(["c.status", "o.deactivated_at"])
      .where("c.id", "=", connectionId)
      .executeTakeFirst();
    if (!connection) return log.info("connection no longer exists; nothing to sync");
    // A job queued before the organisation was deactivated: dropped, not retried.
    if (connection.deactivated_at !== null) return log.info("organisation is deactivated; sync skipped");
    if (connection.status === "disabled") {
      // Re-enabling runs a full sync, which reads these records anyway.
      await deps.db.deleteFrom("pending_record_syncs").where("connection_id", "=", connectionId).execute();
      return log.info("connection is disabled; pending records dropped");
    }

    const claimed = await deps.db
      .selectFrom("pending_record_syncs")
      // As text: a JS Date would drop the microseconds the exact match in removeClaimed needs.
      .select(["stream", "remote_id", sql<string>`queued_at::text`.as("queued_at")])
      .where("connection_id", "=", connectionId)
      .orderBy("stream")
      .orderBy("queued_at")
      .execute();
    await forgetOldDeliveries(deps, connectionId);
    if (claimed.length === 0) return log.info("no records pending");

    const byStream = new Map<string, typeof claimed>();
    for (const row of claimed) byStream.set(row.stream, [...(byStream.get(row.stream) ?? []), row]);

    for (const [stream, rows] of byStream) {
      for (let start = 0; start < rows.length; start += RECORDS_PER_RUN) {
        const batch = rows.slice(start, start + RECORDS_PER_RUN);
        const remoteIds = batch.map((row) => row.remote_id);
        let outcome: Awaited<ReturnType<WorkerDeps["syncConnection"]>>;
        try {
          outcome = await deps.syncConnection({
            connectionId,
            trigger: "webhook",
            signal: helpers.abortSignal,
            log,
            records: { stream, remoteIds },
          });
        } catch (error) {
          if (error instanceof SyncAlreadyRunningError) {
            // The records stay pending; this job comes back after the running sync.
            const runAt = new Date(deps.clock().getTime() + BUSY_RECHECK_SECONDS * 1000);
            await addRecordSyncJob(deps.db, connectionId, runAt);
            return log.info({ runAt }, "a sync of this connection is running; the records wait for it");
          }
          throw error;
        }
        if (helpers.abortSignal.aborted) throw new Error("records sync interrupted by worker shutdown; the job will run again");
        if (outcome.status !== "succeeded") {
          throw new Error(`records sync of ${stream} failed (${outcome.errorKind ?? "unknown"}): ${outcome.errorMessage ?? ""}`);
        }
        await removeClaimed(deps, connectionId, stream, batch);
        log.info({ stream, records: remoteIds.length, runId: outcome.runId }, "records re-read");
      }
    }
  };
}

async function forgetOldDeliveries(deps: WorkerDeps, connectionId: string): Promise<void> {
  const before = new Date(deps.clock().getTime() - DELIVERY_IDS_KEPT_HOURS * 3_600_000);
  await deps.db
    .deleteFrom("webhook_deliveries")
    .where("connection_id", "=", connectionId)
    .where("received_at", "<", before)
    .execute();
}

/** Deletes exactly the claimed entries: one queued again since (a later queued_at) stays pending. */
async function removeClaimed(
  deps: WorkerDeps,
  connectionId: string,
  stream: string,
  rows: ReadonlyArray<{ remote_id: string; queued_at: string }>,
): Promise<void> {
  await deps.db
    .deleteFrom("pending_record_syncs")
    .where("connection_id", "=", connectionId)
    .where("stream", "=", stream)
    .where((eb) =>
      eb.or(
        rows.map((row) =>
          eb.and([eb("remote_id", "=", row.remote_id), eb("queued_at", "=", sql<Date>`${row.queued_at}::timestamptz`)]),
        ),
      ),
    )
    .execute();
}
