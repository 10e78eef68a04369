import { sql } from "@roster/db";
import { addJobsInTransaction, sendEmailJobKey } from "@roster/email";
import type { Task } from "graphile-worker";
import type { WorkerDeps } from "../deps";

const SWEEP_BATCH = 500;
const GRACE_MS = 60_000;

/**
 * Every minute: queues send_email for pending rows older than a minute that have no live
 * job (written before the worker installed its schema, or whose job was lost). A row
 * whose job is waiting out a retry backoff keeps that job and its backoff.
 */
export function sweepOutbox(deps: Pick<WorkerDeps, "db" | "log" | "clock">): Task<"sweep_outbox"> {
  return async () => {
    const olderThan = new Date(deps.clock().getTime() - GRACE_MS);
    const ids = await deps.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ id: string }>`
        select o.id from email_outbox o
        where o.status = 'pending' and o.created_at < ${olderThan}
          and not exists (
            select 1 from graphile_worker.jobs j
            where j.key = 'send_email:' || o.id::text and j.attempts < j.max_attempts
          )
        order by o.created_at
        limit ${SWEEP_BATCH}`.execute(trx);
      await addJobsInTransaction(
        trx,
        rows.map((r) => ({ identifier: "send_email", payload: { outboxId: r.id }, jobKey: sendEmailJobKey(r.id) })),
      );
      return rows.map((r) => r.id);
    });
    if (ids.length > 0) deps.log.info({ task: "sweep_outbox", count: ids.length }, "queued delivery of stranded emails");
  };
}
