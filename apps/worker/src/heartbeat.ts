import type { Db } from "@roster/db";
import { sql } from "@roster/db";
import { jobQueueInstalled } from "@roster/email";
import type { Logger } from "@roster/logger";

export interface Heartbeat {
  workerId: string;
  /** Stops beating and removes this worker's row, so /healthz stops counting it at once. */
  stop(): Promise<void>;
}

export interface HeartbeatOptions {
  workerId: string;
  intervalMs: number;
  /** A worker silent this long is dead: its jobs are unlocked so another worker resumes them. */
  staleAfterMs: number;
  /** The job runner's worker ids in this process (they appear as the runner starts its workers). */
  jobWorkerIds: () => string[];
  log: Logger;
}

/**
 * Upserts this worker's row in `worker_heartbeats` now and every intervalMs (the API's
 * /healthz reads last_seen_at), and on every beat recovers the jobs of dead workers:
 * graphile-worker would otherwise keep a killed worker's jobs locked for four hours.
 */
export async function startHeartbeat(db: Db, options: HeartbeatOptions): Promise<Heartbeat> {
  const { workerId, intervalMs, log } = options;
  const beat = () =>
    db
      .insertInto("worker_heartbeats")
      .values({ worker_id: workerId, job_worker_ids: options.jobWorkerIds() })
      .onConflict((oc) =>
        oc.column("worker_id").doUpdateSet({ last_seen_at: sql`now()`, job_worker_ids: options.jobWorkerIds() }),
      )
      .execute();
  const recover = async () => {
    const dead = await db
      .deleteFrom("worker_heartbeats")
      .where("worker_id", "<>", workerId)
      .where("last_seen_at", "<", sql<Date>`now() - make_interval(secs => ${options.staleAfterMs / 1000})`)
      .returning(["worker_id", "job_worker_ids"])
      .execute();
    const ids = dead.flatMap((d) => d.job_worker_ids);
    if (ids.length > 0 && (await jobQueueInstalled(db))) {
      await sql`select graphile_worker.force_unlock_workers(${ids}::text[])`.execute(db);
    }
    for (const d of dead)
      log.warn(
        { deadWorker: d.worker_id, jobWorkers: d.job_worker_ids },
        "recovered the jobs of a worker that stopped without shutting down",
      );
  };
  const tick = async () => {
    await beat();
    await recover();
  };
  await tick();
  const timer = setInterval(() => {
    tick().catch((error: unknown) => log.warn({ err: error }, "heartbeat failed"));
  }, intervalMs);
  return {
    workerId,
    async stop() {
      clearInterval(timer);
      await db.deleteFrom("worker_heartbeats").where("worker_id", "=", workerId).execute();
    },
  };
}
