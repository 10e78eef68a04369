import { createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { addJobsInTransaction, createTransport, type MailCatcher, type Mailer, startMailCatcher } from "@roster/email";
import { createLogger } from "@roster/logger";
import { runMigrations, runOnce } from "graphile-worker";
import type { WorkerConfig, WorkerDeps } from "../../src/deps";
import { graphileLogger } from "../../src/graphile-logger";
import { runnerPreset } from "../../src/runner-preset";
import { createTaskList } from "../../src/task-list";
import { type ScriptedSync, scriptedSync } from "./scripted-sync";

export const testConfig: WorkerConfig = {
  PUBLIC_URL: "https://roster.test",
  SYNC_INTERVAL_HOURS: 24,
  RETRY_INTERVAL_MINUTES: 60,
  MAX_CONSECUTIVE_FAILURES: 3,
  EMAIL_FROM: "Roster <roster@localhost>",
};

export interface Harness {
  testDb: TestDatabase;
  db: TestDatabase["db"];
  /** The SMTP peer; tests may stop it and start a new one on the same port. */
  catcher: MailCatcher;
  mailer: Mailer;
  sync: ScriptedSync;
  deps: WorkerDeps;
  /** The real graphile-worker runner: runs every job that is due now, then returns. */
  runJobs(): Promise<void>;
  /** Queues one job of a task (as cron or the API would). */
  queue(identifier: string, payload?: object): Promise<void>;
  /** schedule_due followed by whatever it queued. */
  runScheduler(): Promise<void>;
  close(): Promise<void>;
}

/**
 * One test file's world: its own database (cloned, then graphile-worker migrated into
 * it), a real SMTP catcher and nodemailer, the scripted sync and the real task list.
 */
export async function startHarness(): Promise<Harness> {
  const testDb = await createTestDatabase();
  const log = createLogger("worker-test", { level: process.env.TEST_LOG_LEVEL ?? "silent" });
  const logger = graphileLogger(log);
  await runMigrations({ connectionString: testDb.url, logger });
  const catcher = await startMailCatcher({ port: 0 });
  const mailer = createTransport(catcher.smtpUrl);
  const sync = scriptedSync(testDb.db);
  const deps: WorkerDeps = {
    db: testDb.db,
    config: testConfig,
    log,
    syncConnection: sync.sync,
    mailer,
    clock: () => new Date(),
  };
  const taskList = createTaskList(deps);
  const harness: Harness = {
    testDb,
    db: testDb.db,
    catcher,
    mailer,
    sync,
    deps,
    runJobs: () => runOnce({ connectionString: testDb.url, taskList, logger, noHandleSignals: true, preset: runnerPreset }),
    async queue(identifier, payload = {}) {
      await addJobsInTransaction(testDb.db, [{ identifier, payload }]);
    },
    async runScheduler() {
      await harness.queue("schedule_due");
      await harness.runJobs();
    },
    async close() {
      mailer.close();
      await harness.catcher.stop();
      await testDb.drop();
    },
  };
  return harness;
}
