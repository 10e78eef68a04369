import type { Database, Kysely } from "@roster/db";
import { inTransaction } from "./in-transaction";
import { queueSyncs } from "./sync-jobs";

export type SyncNowResult = "queued" | "disabled" | "not_found";

/**
 * "Sync now", and the first sync of a new connection (trigger "initial"; call it in the
 * transaction that creates the connection). The job key makes a double click queue one
 * job; the per-connection queue means it never runs beside another sync of the same
 * connection (a request during a running sync queues one more after it).
 */
export async function requestSyncNow(
  db: Kysely<Database>,
  connectionId: string,
  trigger: "manual" | "initial" | "rotation" = "manual",
  now: Date = new Date(),
  /** The API request asking (X-Request-Id): carried into the job, the sync's logs and its run. */
  requestId?: string,
): Promise<SyncNowResult> {
  return inTransaction(db, async (trx) => {
    const connection = await trx
      .selectFrom("connections")
      .select("status")
      .where("id", "=", connectionId)
      .forUpdate()
      .executeTakeFirst();
    if (!connection) return "not_found";
    if (connection.status === "disabled") return "disabled";
    await queueSyncs(trx, [{ connectionId, trigger, requestId }], now);
    return "queued";
  });
}
