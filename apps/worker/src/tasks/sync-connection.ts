import { type CrashedSync, recordSyncOutcome, requeueBehindRunningSync } from "@roster/connection-policy";
import type { Task } from "graphile-worker";
import { z } from "zod";
import { SyncAlreadyRunningError, type SyncOutcome, SyncUnavailableError, type WorkerDeps } from "../deps";
import { runFinishedByEarlierAttempt } from "./interrupted-outcome";

export const syncConnectionPayload = z.object({
  connectionId: z.string().uuid(),
  trigger: z.enum(["initial", "scheduled", "manual", "retry", "rotation"]),
  requestId: z.string().max(128).optional(),
});

/**
 * Runs one sync through the injected engine, then applies the policy to its outcome
 * (recordSyncOutcome). A sync failure is not a job failure:
 * the policy schedules the retry. A sync of the connection already running makes this
 * request wait behind it. Only interruptions (shutdown, engine unavailable, database
 * errors) fail the job so graphile runs it again.
 */
export function syncConnection(deps: WorkerDeps): Task<"sync_connection"> {
  return async (payload, helpers) => {
    const { connectionId, trigger, requestId } = syncConnectionPayload.parse(payload);
    // Every line of this sync, the engine's included, names the API request that asked for it.
    const log = deps.log.child({ task: "sync_connection", connectionId, trigger, jobId: helpers.job.id, requestId });

    const connection = await deps.db
      .selectFrom("connections as c")
      .innerJoin("organisations as o", "o.id", "c.organisation_id")
      .select(["c.status", "o.deactivated_at"])
      .where("c.id", "=", connectionId)
      .executeTakeFirst();
    if (!connection) return log.info("connection no longer exists; nothing to sync");
    // A job queued before the organisation was deactivated: dropped, not retried.
    if (connection.deactivated_at !== null) return log.info("organisation is deactivated; sync skipped");
    if (connection.status === "disabled") return log.info("connection is disabled; sync skipped");

    const finished = await runFinishedByEarlierAttempt(deps.db, connectionId, helpers.job);
    if (finished) {
      if (finished.applied)
        return log.info({ runId: finished.runId }, "an earlier attempt finished this sync; nothing left to do");
      const { applied: _, ...outcome } = finished;
      const decision = await recordSyncOutcome(deps.db, connectionId, outcome, deps.config, deps.clock);
      return log.info(
        { runId: finished.runId, outcome: outcome.status, decision },
        "applied the outcome of the sync an interrupted attempt finished",
      );
    }

    let result: SyncOutcome | CrashedSync;
    try {
      result = await deps.syncConnection({ connectionId, trigger, requestId, signal: helpers.abortSignal, log });
    } catch (error) {
      if (error instanceof SyncAlreadyRunningError) {
        const runAt = await requeueBehindRunningSync(helpers, { connectionId, trigger, requestId }, deps.clock());
        return log.info({ runAt }, "a sync of this connection is running; this request waits for it");
      }
      if (error instanceof SyncUnavailableError) throw error;
      result = { status: "crashed", trigger, errorMessage: error instanceof Error ? error.message : String(error) };
      log.error({ err: error }, "sync crashed");
    }
    if (helpers.abortSignal.aborted) throw new Error("sync interrupted by worker shutdown; the job will run again");

    const decision = await recordSyncOutcome(deps.db, connectionId, result, deps.config, deps.clock);
    log.info({ outcome: result.status, decision }, "sync finished");
  };
}
