import { EventEmitter } from "node:events";
import { Logger, run, runMigrations, type TaskList, type WorkerEvents } from "graphile-worker";

/** apps/worker/src/main.ts runs graphile-worker with this many slots and no localQueue or batch delays. */
export const WORKER_CONCURRENCY = 4;

/** graphile-worker's own lines, errors only: a failing job must be visible, the chatter not. */
export const quietLogger = new Logger(() => (level, message) => {
  if (level === "error") process.stderr.write(`graphile-worker: ${message}\n`);
});

export async function installQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: quietLogger });
}

export interface DrainResult {
  ms: number;
  completed: number;
  failed: number;
}

/**
 * Starts a worker pool on jobs already queued and times it until `expected` jobs have
 * completed (graphile's job:complete fires once the result is written back).
 */
export async function drain(
  connectionString: string,
  taskList: TaskList,
  expected: number,
  timeoutMs = 600_000,
): Promise<DrainResult> {
  let completed = 0;
  let failed = 0;
  let done: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    done = resolve;
  });
  // Our own emitter, listened to before the pool starts: the first jobs finish within milliseconds.
  const events = new EventEmitter() as WorkerEvents;
  events.on("job:complete", ({ error }) => {
    completed++;
    if (error) failed++;
    if (completed >= expected) done();
  });
  const started = performance.now();
  const runner = await run({
    events,
    connectionString,
    taskList,
    concurrency: WORKER_CONCURRENCY,
    noHandleSignals: true,
    logger: quietLogger,
    // Jobs are queued before the pool starts; it fetches them at once, polling only matters after.
    pollInterval: 1000,
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`only ${completed} of ${expected} jobs completed in ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
  });
  try {
    await Promise.race([finished, timeout]);
    return { ms: performance.now() - started, completed, failed };
  } finally {
    clearTimeout(timer);
    await runner.stop();
  }
}
