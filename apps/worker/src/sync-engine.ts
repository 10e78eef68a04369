import type { Db } from "@roster/db";
import type { SyncMetrics } from "@roster/metrics";
import { connectors } from "@roster/registry";
import { runConnectionSync, SyncInProgressError, totals } from "@roster/sync";
import { SyncAlreadyRunningError, type SyncConnection } from "./deps";

/**
 * The sync_connection task's engine: the installed connectors through @roster/sync. A sync
 * already running elsewhere (another job, the CLI) is not a failure: the request is queued
 * again behind it and the connection's failure counter is untouched. With metrics, every
 * finished sync is counted by connector and outcome.
 */
export function createSyncEngine(db: Db, encryptionKey: string, metrics?: SyncMetrics): SyncConnection {
  return async ({ connectionId, trigger, requestId, signal, log, records }) => {
    const started = process.hrtime.bigint();
    const connector = metrics ? await connectorOf(db, connectionId) : "";
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const outcome = await runConnectionSync({
        db,
        connectionId,
        trigger,
        requestId,
        connectors,
        encryptionKey,
        signal,
        log,
        records,
      });
      if (metrics) {
        const sum = totals(outcome.counts);
        metrics.observe({
          connector,
          outcome: outcome.status,
          seconds: seconds(),
          recordsWritten: sum.created + sum.updated + sum.deleted,
        });
      }
      return { runId: outcome.runId, status: outcome.status, errorKind: outcome.errorKind, errorMessage: outcome.errorMessage };
    } catch (error) {
      if (error instanceof SyncInProgressError) throw new SyncAlreadyRunningError(error.message);
      metrics?.observe({ connector, outcome: "crashed", seconds: seconds(), recordsWritten: 0 });
      throw error;
    }
  };
}

async function connectorOf(db: Db, connectionId: string): Promise<string> {
  const row = await db.selectFrom("connections").select("connector_id").where("id", "=", connectionId).executeTakeFirst();
  return row?.connector_id ?? "unknown";
}
