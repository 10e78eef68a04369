import { type Database, type Kysely, sql } from "@roster/db";
import { z } from "zod";

export const EXPORT_HIRE_TASK = "export_hire";
export const RECONCILE_HIRES_TASK = "reconcile_hires";

/** Retries with graphile's exponential backoff (e^n s): about 3.5 hours over ten attempts; reconciliation restarts a spent chain. */
export const EXPORT_JOB_MAX_ATTEMPTS = 10;

export const exportTriggers = ["webhook", "reconcile", "manual"] as const;
export type ExportTrigger = (typeof exportTriggers)[number];

export const exportHirePayloadSchema = z.object({
  connectionId: z.string().uuid(),
  opportunityId: z.string().min(1),
  trigger: z.enum(exportTriggers),
});
export type ExportHirePayload = z.infer<typeof exportHirePayloadSchema>;

export const reconcileHiresPayloadSchema = z.object({ connectionId: z.string().uuid().optional() }).passthrough();
export type ReconcileHiresPayload = z.infer<typeof reconcileHiresPayloadSchema>;

/** One export job per candidate: a second request while one waits replaces it instead of adding another. */
export const exportJobKey = (connectionId: string, opportunityId: string) => `export:${connectionId}:${opportunityId}`;
export const reconcileJobKey = (connectionId: string) => `reconcile:${connectionId}`;

/**
 * How long an export waits before looking again when another export of the same candidate
 * holds its lock: by then that one has sent the candidate (and this one skips) or failed.
 */
export const EXPORT_BUSY_RECHECK_SECONDS = 5;

/**
 * Queues `export_hire` in the caller's transaction (plain SQL, so the job exists if and only
 * if the caller's change commits). "replace" resets a waiting job to run at `runAt` (now by
 * default); a job already running keeps going and a fresh one is queued (graphile's job-key
 * semantics), which the candidate lock keeps from overlapping it. No named queue: exports of
 * a connection run in parallel, sharing the provider key's rate budget (core's shared-limiters.ts);
 * a serial queue left each worker idle for a poll interval between two exports.
 */
export async function queueExportHire(db: Kysely<Database>, payload: ExportHirePayload, runAt?: Date): Promise<void> {
  await sql`select graphile_worker.add_job(
      ${EXPORT_HIRE_TASK},
      ${JSON.stringify(payload)}::json,
      run_at => ${runAt ?? null}::timestamptz,
      max_attempts => ${EXPORT_JOB_MAX_ATTEMPTS}::int,
      job_key => ${exportJobKey(payload.connectionId, payload.opportunityId)}::text
    )`.execute(db);
}

/** A job for this key that will still run (waiting, retrying or running), as opposed to none or a spent one. */
export async function liveJobExists(db: Kysely<Database>, key: string): Promise<boolean> {
  const { rows } = await sql<{ live: boolean }>`
    select exists (
      select 1 from graphile_worker.jobs where key = ${key} and (attempts < max_attempts or locked_at is not null)
    ) as live`.execute(db);
  return rows[0]?.live === true;
}

/** Queues one reconcile job per connection (the cron's fan-out). */
export async function queueReconcile(db: Kysely<Database>, connectionId: string): Promise<void> {
  await sql`select graphile_worker.add_job(
      ${RECONCILE_HIRES_TASK},
      ${JSON.stringify({ connectionId })}::json,
      max_attempts => 3,
      job_key => ${reconcileJobKey(connectionId)}::text
    )`.execute(db);
}

// Payload types for typed addJob calls; each task still zod-parses its payload (old jobs may carry old shapes).
declare global {
  namespace GraphileWorker {
    interface Tasks {
      export_hire: ExportHirePayload;
      reconcile_hires: ReconcileHiresPayload;
    }
  }
}
