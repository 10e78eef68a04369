import type { Db } from "@roster/db";
import { connectors } from "@roster/registry";
import { runConnectionSync, SyncInProgressError } from "@roster/sync";
import { SyncAlreadyRunningError, type SyncConnection } from "./deps";

/**
 * The sync_connection task's engine: the installed connectors through @roster/sync. A sync
 * already running elsewhere (another job, the CLI) is not a failure: the request is queued
 * again behind it and the connection's failure counter is untouched.
 */
export function createSyncEngine(db: Db, encryptionKey: string): SyncConnection {
  return async ({ connectionId, trigger, signal, log, records }) => {
    try {
      const outcome = await runConnectionSync({ db, connectionId, trigger, connectors, encryptionKey, signal, log, records });
      return { runId: outcome.runId, status: outcome.status, errorKind: outcome.errorKind, errorMessage: outcome.errorMessage };
    } catch (error) {
      if (error instanceof SyncInProgressError) throw new SyncAlreadyRunningError(error.message);
      throw error;
    }
  };
}
