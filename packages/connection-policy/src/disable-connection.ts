import type { Database, Kysely } from "@roster/db";
import { sql } from "@roster/db";
import { jobQueueInstalled } from "@roster/email";
import { emitConnectionDisabled } from "@roster/webhooks";
import { inTransaction } from "./in-transaction";
import { syncJobKey } from "./sync-jobs";

/**
 * Disables a connection by hand: no more scheduled syncs, and a waiting sync job is
 * removed (a running one finishes, and its outcome leaves the connection disabled).
 * Returns false if there is no such connection.
 */
export async function disableConnection(
  db: Kysely<Database>,
  connectionId: string,
  reason: string,
  now: Date = new Date(),
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const updated = await trx
      .updateTable("connections")
      .set({ status: "disabled", disabled_reason: reason, next_sync_at: null, updated_at: now })
      .where("id", "=", connectionId)
      .returning(["id", "organisation_id"])
      .executeTakeFirst();
    if (!updated) return false;
    await emitConnectionDisabled(trx, updated, { reason, by: "owner" });
    if (await jobQueueInstalled(trx)) await sql`select graphile_worker.remove_job(${syncJobKey(connectionId)})`.execute(trx);
    return true;
  });
}
