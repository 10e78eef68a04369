import { sql } from "@roster/db";
import { connectors } from "@roster/registry";
import type { Task } from "graphile-worker";
import { lastSent } from "../already-sent";
import { loadHireConnection, suppliesHires } from "../connection";
import { sourceContext } from "../contexts";
import type { HireExportDeps } from "../deps";
import { exportJobKey, liveJobExists, queueExportHire, queueReconcile, reconcileHiresPayloadSchema } from "../jobs";
import { pruneWebhookDeliveries } from "../webhook/handle-hire-webhook";

/** Each poll looks this far behind the last one: the ATS's clock and ours may differ, and an update may land late. */
export const RECONCILE_OVERLAP_MS = 10 * 60_000;
/** Delivery ids older than this cannot pass the webhook freshness check any more. */
const DELIVERY_RETENTION_MS = 24 * 3_600_000;

export interface ReconcileOutcome {
  checked: number;
  queued: string[];
  /** Hires the ATS listed that were already sent as hires: not queued again. */
  alreadySent: string[];
}

/**
 * The graphile-worker task `reconcile_hires`. Without a connection id (the cron's call) it fans
 * out one job per enabled connection whose connector supplies hires; with one it polls that connection.
 * @example taskList.reconcile_hires = reconcileHiresTask(deps); crontab: "*\/15 * * * * reconcile_hires"
 */
export function reconcileHiresTask(deps: HireExportDeps): Task<"reconcile_hires"> {
  return async (payload, helpers) => {
    const { connectionId } = reconcileHiresPayloadSchema.parse(payload ?? {});
    if (connectionId) {
      await reconcileHires(deps, connectionId, helpers.abortSignal);
      return;
    }
    const rows = await deps.db
      .selectFrom("connections")
      .select(["id", "settings"])
      .where(
        "connector_id",
        "in",
        connectors.filter(suppliesHires).map((c) => c.manifest.id),
      )
      .execute();
    for (const row of rows) {
      if ((row.settings as { enabled?: unknown } | null)?.enabled === false) continue;
      await queueReconcile(deps.db, row.id);
    }
  };
}

/**
 * Catches hires whose webhook never arrived: asks the ATS for candidates hired since
 * the last poll (stored per connection; the first poll starts at the connection's creation, so
 * old hires are not exported) and queues `export_hire` for each without a successful transfer
 * and without a job already on its way (which keeps graphile's backoff for failing ones).
 */
export async function reconcileHires(
  deps: HireExportDeps,
  connectionId: string,
  signal?: AbortSignal,
): Promise<ReconcileOutcome> {
  const { db } = deps;
  const log = deps.log.child({ task: "reconcile_hires", connectionId });
  const connection = await loadHireConnection(db, deps.encryptionKey, connectionId);
  if (!connection?.credentials || !connection.settings.enabled) {
    log.info(
      { problem: connection?.credentialsProblem ?? null },
      "nothing to reconcile (connection gone, off or without credentials)",
    );
    return { checked: 0, queued: [], alreadySent: [] };
  }
  const startedAt = (deps.clock ?? (() => new Date()))();
  const state = await db
    .selectFrom("hire_reconcile_state")
    .select("checked_until")
    .where("connection_id", "=", connectionId)
    .executeTakeFirst();
  const since = new Date((state?.checked_until ?? connection.createdAt).getTime() - RECONCILE_OVERLAP_MS);
  const ctx = sourceContext(connection.connector, connection.credentials, log, deps.http, signal);
  const hires = await connection.connector.hires.hiredSince(ctx, since);

  const queued: string[] = [];
  const alreadySent: string[] = [];
  for (const candidateId of hires) {
    if (await lastSent(db, connectionId, candidateId, "hired")) {
      alreadySent.push(candidateId);
      continue;
    }
    if (await liveJobExists(db, exportJobKey(connectionId, candidateId))) continue;
    await queueExportHire(db, { connectionId, opportunityId: candidateId, trigger: "reconcile" });
    queued.push(candidateId);
  }
  await sql`
    insert into hire_reconcile_state (connection_id, checked_until, updated_at) values (${connectionId}, ${startedAt}, now())
    on conflict (connection_id) do update set checked_until = excluded.checked_until, updated_at = now()`.execute(db);
  await pruneWebhookDeliveries(db, connectionId, new Date(startedAt.getTime() - DELIVERY_RETENTION_MS));
  log.info({ since, checked: hires.length, queued: queued.length, alreadySent: alreadySent.length }, "hires reconciled");
  return { checked: hires.length, queued, alreadySent };
}
