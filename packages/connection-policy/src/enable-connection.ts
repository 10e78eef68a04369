import type { Database, Kysely } from "@roster/db";
import type { SyncTrigger } from "./deps";
import { inTransaction } from "./in-transaction";
import { queueSyncs } from "./sync-jobs";

/**
 * Re-enables a connection (the API allows owners only): counter reset, status active and
 * a sync queued at once. failure_notified is kept, so the sync's success sends the
 * "restored" email that closes the earlier episode. Returns false if there is no such connection.
 */
export async function enableConnection(
  db: Kysely<Database>,
  connectionId: string,
  now: Date = new Date(),
  trigger: Extract<SyncTrigger, "manual" | "rotation"> = "manual",
  /** The API request that re-enabled it, carried into the sync it queues. */
  requestId?: string,
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const updated = await trx
      .updateTable("connections")
      .set({ status: "active", consecutive_failures: 0, disabled_reason: null, updated_at: now })
      .where("id", "=", connectionId)
      .returning("id")
      .executeTakeFirst();
    if (!updated) return false;
    await queueSyncs(trx, [{ connectionId, trigger, requestId }], now);
    return true;
  });
}
