import { type ConnectionRow, queueSyncs } from "@roster/connection-policy";
import type { Task } from "graphile-worker";
import type { SyncTrigger, WorkerDeps } from "../deps";

const SCHEDULE_BATCH = 500;

function triggerFor(connection: Pick<ConnectionRow, "status" | "last_sync_at">): SyncTrigger {
  if (connection.last_sync_at === null) return "initial";
  return connection.status === "failing" ? "retry" : "scheduled";
}

/**
 * Every minute (crontab): queues a sync for each enabled connection of an active organisation whose next_sync_at
 * has come (or was never set), in batches, each with one add_jobs call. Queueing leases
 * next_sync_at, so the next run does not queue the same connection again.
 */
export function scheduleDue(deps: Pick<WorkerDeps, "db" | "log" | "clock">): Task<"schedule_due"> {
  return async () => {
    const now = deps.clock();
    let queued = 0;
    for (;;) {
      const batch = await deps.db.transaction().execute(async (trx) => {
        const due = await trx
          .selectFrom("connections")
          .select(["id", "status", "last_sync_at"])
          .where("status", "<>", "disabled")
          // A deactivated organisation keeps its connections and data but syncs nothing.
          .where("organisation_id", "in", (eb) => eb.selectFrom("organisations").select("id").where("deactivated_at", "is", null))
          .where((eb) => eb.or([eb("next_sync_at", "<=", now), eb("next_sync_at", "is", null)]))
          .orderBy("next_sync_at")
          .limit(SCHEDULE_BATCH)
          // Another worker's schedule_due takes the rows this one holds instead of waiting.
          .forUpdate()
          .skipLocked()
          .execute();
        const added = await queueSyncs(
          trx,
          due.map((c) => ({ connectionId: c.id, trigger: triggerFor(c) })),
          now,
        );
        if (!added) throw new Error("graphile-worker's schema is missing");
        return due.length;
      });
      queued += batch;
      if (batch < SCHEDULE_BATCH) break;
    }
    if (queued > 0) deps.log.info({ task: "schedule_due", queued }, "queued due syncs");
  };
}
