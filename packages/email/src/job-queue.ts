import type { Database, Kysely } from "@roster/db";
import { sql } from "@roster/db";

/**
 * graphile-worker jobs added with plain SQL, inside the caller's transaction, so a job
 * exists if and only if the state change that needs it commits. The `graphile_worker`
 * schema only exists once the worker has run its migrations (apps/worker does at start);
 * before that these helpers add nothing and report it, and the worker's periodic tasks
 * (sweep_outbox, schedule_due) catch up on what was written meanwhile.
 */
export interface JobSpec {
  /** Task name from the worker's task list, e.g. "send_email". */
  identifier: string;
  payload?: object;
  /** Jobs sharing a queue run one at a time. */
  queueName?: string;
  /** A second job with the same key replaces a waiting one instead of adding another. */
  jobKey?: string;
  maxAttempts?: number;
  runAt?: Date;
}

/** True when graphile-worker's schema (and its add_jobs function) is installed. */
export async function jobQueueInstalled(db: Kysely<Database>): Promise<boolean> {
  const { rows } = await sql<{ installed: boolean }>`
    select exists (
      select 1 from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'graphile_worker' and p.proname = 'add_jobs'
    ) as installed`.execute(db);
  return rows[0]?.installed === true;
}

/**
 * Adds jobs with `graphile_worker.add_jobs` (one statement for any number of jobs).
 * Returns false, adding nothing, when the worker has not installed its schema yet.
 */
export async function addJobsInTransaction(db: Kysely<Database>, specs: readonly JobSpec[]): Promise<boolean> {
  if (specs.length === 0) return true;
  if (!(await jobQueueInstalled(db))) return false;
  const rows = specs.map((spec) => ({
    identifier: spec.identifier,
    payload: spec.payload ?? {},
    queue_name: spec.queueName ?? null,
    job_key: spec.jobKey ?? null,
    max_attempts: spec.maxAttempts ?? null,
    run_at: spec.runAt?.toISOString() ?? null,
  }));
  // json_populate_recordset maps fields by name, so this survives column type changes in job_spec.
  await sql`
    select count(*) from graphile_worker.add_jobs(
      array(select s from json_populate_recordset(null::graphile_worker.job_spec, ${JSON.stringify(rows)}::json) s)
    )`.execute(db);
  return true;
}
