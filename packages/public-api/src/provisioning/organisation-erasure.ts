import type { Db } from "@roster/db";
import { sql } from "@roster/db";
import { auditPlatformChange } from "./organisations";

/** Time to notice a mistaken delete: the organisation is deactivated meanwhile, and reactivating cancels. */
export const ERASURE_GRACE_DAYS = 30;

/**
 * Deactivates the organisation and schedules its erasure (the worker erases it once due). Asking
 * again returns the erasure already scheduled. Null when there is no such organisation.
 */
export async function scheduleErasure(
  db: Db,
  platformKeyId: string,
  organisationId: string,
): Promise<{ eraseAfter: Date } | null> {
  return db.transaction().execute(async (trx) => {
    const organisation = await trx
      .updateTable("organisations")
      .set((eb) => ({ deactivated_at: eb.fn.coalesce("deactivated_at", eb.val(new Date())) }))
      .where("id", "=", organisationId)
      .returning(["id", "name", "external_ref"])
      .executeTakeFirst();
    if (!organisation) return null;
    const pending = await trx
      .selectFrom("organisation_erasures")
      .select("erase_after")
      .where("organisation_id", "=", organisationId)
      .where("erased_at", "is", null)
      .where("cancelled_at", "is", null)
      .executeTakeFirst();
    if (pending) return { eraseAfter: pending.erase_after };
    const row = await trx
      .insertInto("organisation_erasures")
      .values({
        organisation_id: organisation.id,
        organisation_name: organisation.name,
        external_ref: organisation.external_ref,
        requested_by_platform_key_id: platformKeyId,
        erase_after: sql<Date>`now() + make_interval(days => ${ERASURE_GRACE_DAYS})`,
      })
      .returning("erase_after")
      .executeTakeFirstOrThrow();
    await auditPlatformChange(
      trx,
      platformKeyId,
      organisationId,
      "organisation.deletion_scheduled",
      "organisation",
      organisationId,
      {
        erase_after: row.erase_after.toISOString(),
      },
    );
    return { eraseAfter: row.erase_after };
  });
}

/** Reactivating an organisation withdraws its pending erasure, if any. */
export async function cancelErasure(db: Db, organisationId: string): Promise<void> {
  await db
    .updateTable("organisation_erasures")
    .set({ cancelled_at: new Date() })
    .where("organisation_id", "=", organisationId)
    .where("erased_at", "is", null)
    .where("cancelled_at", "is", null)
    .execute();
}

/** When the organisation's pending erasure is due, if one is. */
export async function pendingErasureOf(db: Db, organisationId: string): Promise<Date | null> {
  const row = await db
    .selectFrom("organisation_erasures")
    .select("erase_after")
    .where("organisation_id", "=", organisationId)
    .where("erased_at", "is", null)
    .where("cancelled_at", "is", null)
    .executeTakeFirst();
  return row?.erase_after ?? null;
}
