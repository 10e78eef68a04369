import type { Db } from "@roster/db";
import type { Mailer } from "@roster/email";
import { createLogger } from "@roster/logger";
import { createSyncEngine, createTaskList, type WorkerConfig } from "@roster/worker";
import type { TaskList } from "graphile-worker";

const testWorkerConfig: Omit<WorkerConfig, "PUBLIC_URL"> = {
  SYNC_INTERVAL_HOURS: 24,
  RETRY_INTERVAL_MINUTES: 60,
  MAX_CONSECUTIVE_FAILURES: 3,
  EMAIL_FROM: "Roster <roster@localhost>",
};

/**
 * The real worker's task list over the test API's database, as apps/worker wires it: the real
 * sync engine, SMTP through `mailer` (none: emails stay pending), webhook deliveries and hire
 * exports with the encryption key. Tests run it with graphile-worker's runOnce or run.
 */
export function testTaskList(db: Db, options: { encryptionKey: string; publicUrl: string; mailer?: Mailer }): TaskList {
  return createTaskList({
    db,
    config: { ...testWorkerConfig, PUBLIC_URL: options.publicUrl },
    log: createLogger("worker-test", { level: "silent" }),
    syncConnection: createSyncEngine(db, options.encryptionKey),
    mailer: options.mailer ?? null,
    clock: () => new Date(),
    encryptionKey: options.encryptionKey,
  });
}
