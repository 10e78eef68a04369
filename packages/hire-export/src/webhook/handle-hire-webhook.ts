import type { Db } from "@roster/db";
import { jobQueueInstalled } from "@roster/email";
import { alreadySentRefusal, lastSent } from "../already-sent";
import { loadHireConnection } from "../connection";
import { queueExportHire } from "../jobs";
import { exportTargetName } from "../target";

export interface HireWebhookInput {
  db: Db;
  /** config.ENCRYPTION_KEY: the signing secret is stored with the connection's encrypted credentials. */
  encryptionKey: string;
  /** From the URL: POST /webhooks/<connector>/:connectionId. */
  connectionId: string;
  /** The raw request body, exactly as received. */
  body: string;
  headers: Record<string, string | undefined>;
  now?: Date;
}

export interface HireWebhookResult {
  /**
   * 202 a hire export was queued; 200 acknowledged, nothing to do (not a hire, exports off, or
   * the hire already sent: the message says which); 400 not a delivery of the provider;
   * 401 unknown connection, bad signature or stale; 409 a delivery already received (replay);
   * 503 the job queue is not installed yet (the provider retries).
   */
  status: 200 | 202 | 400 | 401 | 409 | 503;
  message: string;
}

const result = (status: HireWebhookResult["status"], message: string): HireWebhookResult => ({ status, message });
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * One webhook delivery for one ATS connection, through its connector's webhook handler:
 * signature and freshness checked, replays refused by the delivery's id, and for an event whose
 * effect is `candidate_hired` one `export_hire` job queued (keyed per candidate) in the same
 * transaction as the delivery row. A refused delivery stores nothing and queues nothing.
 */
export async function handleHireWebhook(input: HireWebhookInput): Promise<HireWebhookResult> {
  const { db, connectionId } = input;
  const now = input.now ?? new Date();
  const connection = await loadHireConnection(db, input.encryptionKey, connectionId);
  const handler = connection?.connector.webhook;
  // One answer for an unknown connection and a bad signature: ids cannot be probed.
  if (!connection || !handler) return result(401, "Unknown connection or invalid signature");
  const secret = handler.secret(connection.credentials);
  if (!secret) return result(401, "This connection has no webhook signing token: deliveries cannot be verified");

  const verdict = handler.verify({ body: input.body, headers: input.headers, secret, now });
  if (!verdict.ok)
    return verdict.malformed ? result(400, capitalised(verdict.reason)) : result(401, `Refused: ${verdict.reason}`);

  const events = handler.parse(input.body);
  const event = events.find((e) => e.effect?.kind === "candidate_hired") ?? events[0];
  // A delivery about nothing (the provider's ping when the webhook is set up).
  if (!event) return result(200, "Acknowledged: no candidate in it (a verify ping?)");
  const candidateId = event.effect?.kind === "candidate_hired" ? event.effect.candidateId : null;
  const exportable = candidateId !== null && connection.settings.enabled;
  return db.transaction().execute(async (trx) => {
    if (exportable && !(await jobQueueInstalled(trx)))
      return result(503, "The job queue is not ready yet; the provider will retry");
    // A hire already sent (hired twice in the ATS, say) is acknowledged and not queued again.
    const sent = exportable && candidateId !== null ? await lastSent(trx, connectionId, candidateId, "hired") : null;
    const refusal = sent
      ? alreadySentRefusal(sent, "webhook", await exportTargetName(trx, input.encryptionKey, connection))
      : null;
    const stored = await trx
      .insertInto("webhook_deliveries")
      .values({
        connection_id: connectionId,
        provider: connection.connector.manifest.id,
        delivery_id: event.id,
        event: event.type,
        remote_id: event.remoteId,
        triggered_at: event.occurredAt,
        job_queued: exportable && refusal === null,
      })
      .onConflict((oc) => oc.columns(["connection_id", "delivery_id"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!stored) return result(409, "This delivery was already received");
    if (refusal) return result(200, `Acknowledged, not exported: ${refusal}`);
    if (!exportable || candidateId === null) {
      return result(200, `Acknowledged: ${!connection.settings.enabled ? "exports are off" : "not a hire"}`);
    }
    await queueExportHire(trx, { connectionId, opportunityId: candidateId, trigger: "webhook" });
    return result(202, "Hire export queued");
  });
}

/** Deliveries older than this can no longer pass the freshness check, so their ids need not be kept. */
export async function pruneWebhookDeliveries(db: Db, connectionId: string, olderThan: Date): Promise<number> {
  const { numDeletedRows } = await db
    .deleteFrom("webhook_deliveries")
    .where("connection_id", "=", connectionId)
    .where("received_at", "<", olderThan)
    .executeTakeFirst();
  return Number(numDeletedRows);
}
