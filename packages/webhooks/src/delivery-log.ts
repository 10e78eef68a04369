import type { Db, EventDeliveryStatus } from "@roster/db";
import { queueDeliveryJobs } from "./queue-deliveries";

export interface DeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  status: EventDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastAttemptAt: Date | null;
  deliveredAt: Date | null;
  createdAt: Date;
  /** The JSON body as signed and sent. */
  body: string;
}

/** An endpoint's deliveries, newest first, a page at a time (before: the last id of the previous page). */
export async function listDeliveries(
  db: Db,
  organisationId: string,
  endpointId: string,
  page: { limit: number; before?: string | undefined },
): Promise<{ deliveries: DeliveryView[]; nextBefore: string | null }> {
  const rows = await db
    .selectFrom("event_deliveries")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("endpoint_id", "=", endpointId)
    .$if(page.before !== undefined, (qb) => qb.where("id", "<", page.before ?? "0"))
    .orderBy("id", "desc")
    .limit(page.limit + 1)
    .execute();
  const shown = rows.slice(0, page.limit);
  return {
    deliveries: shown.map((r) => ({
      id: String(r.id),
      eventId: r.event_id,
      eventType: r.event_type,
      status: r.status,
      attempts: r.attempts,
      lastStatusCode: r.last_status_code,
      lastError: r.last_error,
      lastAttemptAt: r.last_attempt_at,
      deliveredAt: r.delivered_at,
      createdAt: r.created_at,
      body: r.body,
    })),
    nextBefore: rows.length > page.limit ? String(shown.at(-1)?.id) : null,
  };
}

/**
 * Resend: the delivery is pending again and a job sends it now, with the same webhook-id and
 * body (receivers that already have it drop it). Null when there is no such delivery.
 */
export async function resendDelivery(
  db: Db,
  actor: { organisationId: string; userId: string | null },
  deliveryId: string,
): Promise<{ id: string } | null> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable("event_deliveries")
      .set({ status: "pending", delivered_at: null })
      .where("organisation_id", "=", actor.organisationId)
      .where("id", "=", deliveryId)
      .returning(["id", "endpoint_id", "ordering_key", "event_id"])
      .executeTakeFirst();
    if (!row) return null;
    await queueDeliveryJobs(trx, [{ id: String(row.id), endpointId: row.endpoint_id, orderingKey: row.ordering_key }]);
    await trx
      .insertInto("audit_log")
      .values({
        organisation_id: actor.organisationId,
        actor_user_id: actor.userId,
        action: "webhook_delivery.resent",
        target_type: "webhook_endpoint",
        target_id: row.endpoint_id,
        details: JSON.stringify({ delivery_id: String(row.id), event_id: row.event_id }),
      })
      .execute();
    return { id: String(row.id) };
  });
}
