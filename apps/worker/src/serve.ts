import { EventEmitter } from "node:events";
import os from "node:os";
import { assertProductionEnvironment, ConfigError, loadConfig } from "@roster/config";
import { assertDatabaseReachable, createDb, DatabaseUnavailableError, migrationsAreCurrent, redactUrl } from "@roster/db";
import { createLogger } from "@roster/logger";
import { createMetricsRegistry, createSyncMetrics, registerFleetGauges } from "@roster/metrics";
import { run, type WorkerEvents } from "graphile-worker";
import { crontab } from "./crontab";
import type { WorkerDeps } from "./deps";
import { graphileLogger } from "./graphile-logger";
import { startHeartbeat } from "./heartbeat";
import { migrateJobSchema } from "./job-schema";
import { startMailDelivery } from "./mail-delivery";
import { runnerPreset } from "./runner-preset";
import { onShutdownSignal } from "./shutdown-signals";
import { startStatusServer } from "./status-server";
import { createSyncEngine } from "./sync-engine";
import { createTaskList } from "./task-list";

/** A job that ignores the abort signal this long after SIGTERM is failed so it retries elsewhere. */
const FORCE_EXIT_MS = 25_000;

export interface ServeWorkerOptions {
  /**
   * `roster serve worker`: outside sandbox every production variable must be set, and the
   * status port (WORKER_HTTP_PORT) always listens. Off: the `pnpm start` sandbox, where it
   * listens only when WORKER_HTTP_PORT is set.
   */
  production: boolean;
}

/**
 * The job runner process (syncs, schedules, retries, emails, deliveries) with WORKER_CONCURRENCY
 * job slots. SIGTERM/SIGINT: finishes or releases its jobs, then exits 0.
 */
export async function serveWorker(options: ServeWorkerOptions): Promise<void> {
  const config = loadConfig();
  const log = createLogger("worker", { level: config.LOG_LEVEL });
  if (options.production && !config.SANDBOX) assertProductionEnvironment();
  if (!config.DATABASE_URL) throw new ConfigError("DATABASE_URL is not set: the worker needs the database (pnpm start sets it)");
  if (!config.ENCRYPTION_KEY)
    throw new ConfigError("ENCRYPTION_KEY is not set: the worker decrypts connection credentials with it");
  const concurrency = config.WORKER_CONCURRENCY;
  const connectionString = config.DATABASE_URL;
  await assertDatabaseReachable(connectionString);
  // Two connections per job slot (a sync holds one for its advisory lock while it writes on
  // another), plus the heartbeat's and the status port's.
  const db = createDb(connectionString, { max: 2 * concurrency + 3, applicationName: "roster-worker" });
  if (!(await migrationsAreCurrent(db))) {
    throw new DatabaseUnavailableError(`The database at ${redactUrl(connectionString)} is not migrated: run roster migrate`);
  }

  const metrics = createMetricsRegistry("worker");
  registerFleetGauges(metrics, db);
  const logger = graphileLogger(log);
  await migrateJobSchema(db, connectionString, logger);
  const mail = await startMailDelivery(config, log);
  const deps: WorkerDeps = {
    db,
    config,
    log,
    syncConnection: createSyncEngine(db, config.ENCRYPTION_KEY, createSyncMetrics(metrics)),
    mailer: mail.mailer,
    clock: () => new Date(),
    encryptionKey: config.ENCRYPTION_KEY,
  };

  // Our own signal handling (shutdown-signals.ts): graphile's default re-raises the signal
  // after its shutdown, which ends the process with a signal instead of exit code 0.
  // Our own emitter, passed in, so no worker:create event is missed before run() returns.
  const events = new EventEmitter() as WorkerEvents;
  const jobWorkerIds = new Set<string>();
  // Jobs are locked by the pool's id or a worker's, depending on graphile-worker's code path: keep both.
  events.on("pool:create", ({ workerPool }) => jobWorkerIds.add(workerPool.id));
  events.on("worker:create", ({ worker }) => jobWorkerIds.add(worker.workerId));
  const runner = await run({
    events,
    connectionString,
    taskList: createTaskList(deps),
    crontab,
    concurrency,
    // graphile-worker holds a connection per running job: never fewer than the job slots.
    maxPoolSize: Math.max(10, concurrency + 2),
    noHandleSignals: true,
    logger,
    preset: runnerPreset,
  });
  const heartbeat = await startHeartbeat(db, {
    workerId: `${os.hostname()}:${process.pid}`,
    intervalMs: config.WORKER_HEARTBEAT_SECONDS * 1000,
    staleAfterMs: config.WORKER_STALE_SECONDS * 1000,
    jobWorkerIds: () => [...jobWorkerIds],
    log,
  });
  let stopping = false;
  const listenForStatus = options.production || process.env.WORKER_HTTP_PORT !== undefined;
  const status = listenForStatus
    ? await startStatusServer({ port: config.WORKER_HTTP_PORT, db, metrics, running: () => !stopping })
    : null;
  log.info({ workerId: heartbeat.workerId, concurrency, statusPort: status?.port }, "worker started");

  const shutdown = async (signal: string) => {
    stopping = true;
    log.info({ signal }, "shutting down: finishing or releasing current jobs");
    const force = setTimeout(() => forceExit("jobs did not stop in time"), FORCE_EXIT_MS);
    force.unref();
    try {
      await runner.stop();
    } catch (error) {
      log.warn({ err: error }, "runner stopped with an error");
    }
    await heartbeat.stop().catch(() => {});
    await status?.close();
    await mail.stop();
    await db.destroy();
    log.info("worker stopped");
    process.exit(0);
  };
  // Forceful: fail the running jobs (graphile runs them again later) and exit.
  const forceExit = (why: string) => {
    log.error(`${why}: failing current jobs so they run again later`);
    void runner.kill().finally(() => process.exit(1));
  };
  onShutdownSignal(
    (signal) => void shutdown(signal),
    (signal) => forceExit(`${signal} again`),
  );

  runner.promise.catch((error: unknown) => {
    if (stopping) return;
    log.fatal({ err: error }, "job runner failed");
    process.exit(1);
  });
}
