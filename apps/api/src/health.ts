import { type Db, migrationsAreCurrent, sql } from "@roster/db";

/** A worker that has not written its heartbeat for this long is considered stuck. */
export const WORKER_STALE_AFTER_SECONDS = 60;

export interface HealthReport {
  ok: boolean;
  database: "ok" | "unreachable";
  migrations: "current" | "pending" | "unknown";
  /** "absent" (no worker has ever run) still counts as healthy while the worker is optional. */
  worker: "ok" | "stale" | "absent" | "unknown";
}

/** What /statusz reports; never throws. */
export async function checkHealth(db: Db): Promise<HealthReport> {
  try {
    await sql`select 1`.execute(db);
  } catch {
    return { ok: false, database: "unreachable", migrations: "unknown", worker: "unknown" };
  }
  const migrations = (await migrationsAreCurrent(db).catch(() => false)) ? "current" : "pending";
  const worker = await workerState(db).catch(() => "unknown" as const);
  const ok = migrations === "current" && (worker === "ok" || worker === "absent");
  return { ok, database: "ok", migrations, worker };
}

async function workerState(db: Db): Promise<"ok" | "stale" | "absent"> {
  // Compared in the database, so the API's clock being off cannot make a live worker look stale.
  const row = await db
    .selectFrom("worker_heartbeats")
    .select((eb) => [
      eb.fn.countAll<number>().as("workers"),
      sql<boolean>`coalesce(max(last_seen_at) > now() - make_interval(secs => ${WORKER_STALE_AFTER_SECONDS}), false)`.as("fresh"),
    ])
    .executeTakeFirstOrThrow();
  if (Number(row.workers) === 0) return "absent";
  return row.fresh ? "ok" : "stale";
}

export interface ReadinessReport {
  ok: boolean;
  database: "ok" | "unreachable";
  migrations: "current" | "pending" | "unknown";
}

/**
 * What /readyz reports: this process can serve (database reachable, every migration it knows
 * applied). Migrations newer than this process do not make it unready, so old processes keep
 * serving while a rolling upgrade's expand step runs. Never throws.
 */
export async function checkReadiness(db: Db): Promise<ReadinessReport> {
  try {
    await sql`select 1`.execute(db);
  } catch {
    return { ok: false, database: "unreachable", migrations: "unknown" };
  }
  const current = await migrationsAreCurrent(db).catch(() => false);
  return { ok: current, database: "ok", migrations: current ? "current" : "pending" };
}
