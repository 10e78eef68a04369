import type { VerifyResult } from "@roster/core";
import { type Db, sql } from "@roster/db";
import { recordConnectionPermissions } from "@roster/webhooks";

/**
 * A successful verify: the account and the permissions as they are now (a change of grant
 * goes out as connection.permissions_changed, in the same transaction).
 */
export async function savePermissions(db: Db, connectionId: string, verify: VerifyResult): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("connections")
      .set({ account: JSON.stringify(verify.account) })
      .where("id", "=", connectionId)
      .execute();
    await recordConnectionPermissions(trx, connectionId, {
      granted: verify.granted,
      missing: verify.missing,
      checkedAt: new Date().toISOString(),
    });
  });
}

/**
 * The token could not be verified (rejected, unreachable, refused): what it grants is no
 * longer known. The last known lists stay for comparison, marked unknown since now, so the
 * dashboard shows no green tick a dead token does not deserve.
 */
export async function markPermissionsUnknown(db: Db, connectionId: string, error: unknown): Promise<void> {
  const reason = error instanceof Error ? error.message : String(error);
  await sql`update connections set permissions = coalesce(permissions, '{"granted":[],"missing":[]}'::jsonb)
      || jsonb_build_object('unknownSince', ${new Date().toISOString()}::text, 'unknownReason', ${reason}::text)
    where id = ${connectionId}`.execute(db);
}
