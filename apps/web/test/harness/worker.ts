import type { Config } from "@roster/config";
import type { Db } from "@roster/db";
import { createTransport, type MailCatcher, startMailCatcher } from "@roster/email";
import { createLogger } from "@roster/logger";
import { createSyncEngine, createTaskList, crontab, runnerPreset } from "@roster/worker";
import { Logger, run } from "graphile-worker";
import pg from "pg";

export interface TestWorker {
  /** The SMTP peer the worker delivers to: every email it sent. */
  mail: MailCatcher;
  stop(): Promise<void>;
}

/**
 * The real job runner in-process, as apps/worker/src/main.ts wires it: graphile-worker's
 * run() with the one task list and crontab, the real sync engine over the installed
 * connectors, and real SMTP delivery to a local mail catcher.
 */
export async function startTestWorker(options: { db: Db; databaseUrl: string; config: Config }): Promise<TestWorker> {
  const { db, databaseUrl, config } = options;
  const encryptionKey = config.ENCRYPTION_KEY;
  if (!encryptionKey) throw new Error("The test worker needs ENCRYPTION_KEY in the stack's config");
  const mail = await startMailCatcher({ port: 0 });
  const log = createLogger("worker", { level: "silent" });
  const syncConnection = createSyncEngine(db, encryptionKey);
  const taskList = createTaskList({
    db,
    config,
    log,
    syncConnection,
    mailer: createTransport(mail.smtpUrl),
    clock: () => new Date(),
    encryptionKey,
  });
  // The runner's own pool, ended here after the runner stops: graphile-worker drops its error
  // listener on stop, and a connection still closing when the test database is dropped would
  // otherwise raise an unhandled error.
  const pgPool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  pgPool.on("error", () => {});
  const runner = await run({
    pgPool,
    taskList,
    crontab,
    concurrency: 2,
    noHandleSignals: true,
    logger: new Logger(() => () => {}),
    preset: runnerPreset,
  });
  return {
    mail,
    async stop() {
      await runner.stop();
      await pgPool.end();
      await mail.stop();
    },
  };
}
