import type { SyncOutcome } from "@roster/connection-policy";
import type { Db } from "@roster/db";

/**
 * On a retried sync job: the run an earlier attempt of this job finished, when the worker died
 * before it finished the job. Its outcome is applied (if that too was lost) instead of a second
 * sync, so a killed worker neither doubles a run nor loses its outcome. A run still `running`
 * is not returned: the engine resumes it.
 */
export async function runFinishedByEarlierAttempt(
  db: Db,
  connectionId: string,
  job: { attempts: number; created_at: Date },
): Promise<(SyncOutcome & { applied: boolean }) | null> {
  if (job.attempts <= 1) return null;
  const run = await db
    .selectFrom("sync_runs")
    .select(["id", "status", "error_kind", "error_message", "outcome_applied_at"])
    .where("connection_id", "=", connectionId)
    .where("started_at", ">=", job.created_at)
    .orderBy("started_at", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!run || (run.status !== "succeeded" && run.status !== "failed")) return null;
  return {
    runId: run.id,
    status: run.status,
    ...(run.error_kind ? { errorKind: run.error_kind } : {}),
    ...(run.error_message ? { errorMessage: run.error_message } : {}),
    applied: run.outcome_applied_at !== null,
  };
}
