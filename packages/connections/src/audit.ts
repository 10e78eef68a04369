import type { Database, Db, Transaction } from "@roster/db";
import type { Actor } from "./deps";

/** An audit row in the caller's transaction: who did what to which connection. Never holds secrets. */
export async function auditConnection(
  db: Db | Transaction<Database>,
  actor: Actor,
  action: string,
  connectionId: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      organisation_id: actor.organisationId,
      actor_user_id: actor.userId,
      action,
      target_type: "connection",
      target_id: connectionId,
      details: JSON.stringify({
        ...details,
        ...("via" in actor ? { via: actor.via } : {}),
        ...("connectLinkId" in actor ? { connect_link_id: actor.connectLinkId } : {}),
      }),
    })
    .execute();
}
