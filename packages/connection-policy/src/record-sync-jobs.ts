import type { Database, Kysely } from "@roster/db";
import { sql } from "@roster/db";
import { jobQueueInstalled } from "@roster/email";

/** Payload of the `sync_records` task: the records to re-read wait in pending_record_syncs. */
export interface SyncRecordsPayload {
  connectionId: string;
}

/** One key per connection: every webhook of a burst lands in the same waiting job. */
export const recordSyncJobKey = (connectionId: string) => `sync-records:${connectionId}`;

/**
 * How long the first webhook of a burst waits before its run starts, so that the deliveries
 * that follow it (a bulk edit sends one per person) join the same run. The job keeps its
 * first run time as later ones join (job_key_preserve_run_at), so a steady stream of
 * webhooks cannot postpone the run forever.
 */
export const RECORD_SYNC_COALESCE_SECONDS = 5;

/** Queue failures and failed runs retry with graphile's backoff; the records stay pending meanwhile. */
export const RECORD_SYNC_MAX_ATTEMPTS = 8;

export interface RecordsToSync {
  connectionId: string;
  stream: string;
  remoteIds: readonly string[];
}

/**
 * Adds the named records to the connection's pending set and makes sure one `sync_records`
 * job is waiting for them, in the caller's transaction. A record already pending gets a
 * fresh queued_at, so a run that claimed the older entry leaves the newer one for the next
 * run (it may have read the record before this change). Returns false, adding nothing,
 * when graphile-worker's schema is not installed yet.
 */
export async function queueRecordSync(db: Kysely<Database>, records: RecordsToSync, now: Date = new Date()): Promise<boolean> {
  if (records.remoteIds.length === 0) return true;
  if (!(await jobQueueInstalled(db))) return false;
  await db
    .insertInto("pending_record_syncs")
    .values(
      [...new Set(records.remoteIds)].map((remoteId) => ({
        connection_id: records.connectionId,
        stream: records.stream,
        remote_id: remoteId,
        queued_at: sql<Date>`clock_timestamp()`,
      })),
    )
    .onConflict((oc) =>
      oc.columns(["connection_id", "stream", "remote_id"]).doUpdateSet({ queued_at: sql<Date>`clock_timestamp()` }),
    )
    .execute();
  await addRecordSyncJob(db, records.connectionId, new Date(now.getTime() + RECORD_SYNC_COALESCE_SECONDS * 1000));
  return true;
}

/**
 * The connection's `sync_records` job at `runAt`, merged into a waiting one (which keeps its
 * own, earlier run time). A job already running is locked, so graphile-worker gives the key to
 * a new job, which runs after it.
 */
export async function addRecordSyncJob(db: Kysely<Database>, connectionId: string, runAt: Date): Promise<void> {
  const spec = {
    identifier: "sync_records",
    payload: { connectionId } satisfies SyncRecordsPayload,
    job_key: recordSyncJobKey(connectionId),
    max_attempts: RECORD_SYNC_MAX_ATTEMPTS,
    run_at: runAt.toISOString(),
  };
  await sql`
    select count(*) from graphile_worker.add_jobs(
      array(select s from json_populate_recordset(null::graphile_worker.job_spec, ${JSON.stringify([spec])}::json) s),
      true
    )`.execute(db);
}
