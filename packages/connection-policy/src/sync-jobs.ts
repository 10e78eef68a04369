import type { Database, Kysely } from "@roster/db";
import { sql } from "@roster/db";
import { addJobsInTransaction } from "@roster/email";
import type { JobHelpers } from "graphile-worker";
import type { SyncTrigger } from "./deps";

/** Payload of the `sync_connection` task. */
export interface SyncConnectionPayload {
  connectionId: string;
  trigger: SyncTrigger;
  /** The API request that asked for the sync: its logs and its run carry the same id. */
  requestId?: string;
}

/**
 * One key per connection: a second request while one waits adds nothing. No per-connection
 * queue: graphile-worker 0.17 locks queue rows on every fetch, and thousands of named queues
 * cut its throughput twentyfold (pnpm bench, figure 8). Two syncs of one connection never
 * overlap anyway: the sync engine holds a PostgreSQL advisory lock per connection, and a job
 * that finds it taken is retried later without counting as a failure.
 */
export const syncJobKey = (connectionId: string) => `sync:${connectionId}`;

/**
 * While a sync job waits or runs, next_sync_at is pushed this far ahead so schedule_due
 * does not queue the same connection again every minute; the job's outcome then sets the
 * real next time. Four hours matches graphile-worker's own lock timeout, after which a
 * job lost with a crashed worker becomes runnable again.
 */
export const SYNC_LEASE_HOURS = 4;

/** Queue failures (DB blips, shutdown) retry a few times; sync failures are retried by the policy instead. */
const SYNC_JOB_MAX_ATTEMPTS = 5;

/**
 * How long a sync request waits before looking again when a sync of the same connection is
 * running: short next to any sync worth waiting for, long enough not to busy-poll.
 */
export const BUSY_RECHECK_SECONDS = 30;

/**
 * Queues the request again to run after BUSY_RECHECK_SECONDS, under the same job key: the
 * running job is locked, so graphile-worker gives the key to this new job, and a further
 * "Sync now" meanwhile still merges into it. The current job then ends without failing.
 */
export async function requeueBehindRunningSync(
  helpers: Pick<JobHelpers, "addJob">,
  payload: SyncConnectionPayload,
  now: Date,
): Promise<Date> {
  const runAt = new Date(now.getTime() + BUSY_RECHECK_SECONDS * 1000);
  await helpers.addJob("sync_connection", payload, {
    jobKey: syncJobKey(payload.connectionId),
    runAt,
    maxAttempts: SYNC_JOB_MAX_ATTEMPTS,
  });
  return runAt;
}

export interface SyncRequest {
  connectionId: string;
  trigger: SyncTrigger;
  requestId?: string;
}

/**
 * Queues `sync_connection` jobs in the caller's transaction (one add_jobs call for all) and
 * leases the connections' next_sync_at. Without graphile-worker's schema (worker never
 * started) it sets next_sync_at to now instead, so schedule_due picks them up once it runs.
 */
export async function queueSyncs(db: Kysely<Database>, requests: readonly SyncRequest[], now: Date): Promise<boolean> {
  if (requests.length === 0) return true;
  const ids = requests.map((r) => r.connectionId);
  const added = await addJobsInTransaction(
    db,
    requests.map((r) => ({
      identifier: "sync_connection",
      payload: {
        connectionId: r.connectionId,
        trigger: r.trigger,
        ...(r.requestId ? { requestId: r.requestId } : {}),
      } satisfies SyncConnectionPayload,
      jobKey: syncJobKey(r.connectionId),
      maxAttempts: SYNC_JOB_MAX_ATTEMPTS,
    })),
  );
  const lease = new Date(now.getTime() + SYNC_LEASE_HOURS * 3_600_000);
  await db
    .updateTable("connections")
    .set({
      // A later scheduled time (a manual sync well before the next due one) stays as it is.
      next_sync_at: added ? sql<Date>`greatest(coalesce(next_sync_at, '-infinity'), ${lease}::timestamptz)` : now,
    })
    .where("id", "in", ids)
    .execute();
  return added;
}
