import {
  createLeverWebhookHandler,
  LEVER_HIRED_EVENT,
  type LeverWebhookOptions,
  parseLeverEnvelope,
} from "@roster/connector-lever";
import type { Db } from "@roster/db";
import { jobQueueInstalled } from "@roster/email";
import { alreadySentRefusal, lastSent } from "../already-sent";
import { loadLeverConnection } from "../connection";
import { queueExportHire } from "../jobs";

export interface LeverWebhookInput {
  db: Db;
  /** config.ENCRYPTION_KEY: the signing token is stored with the connection's encrypted credentials. */
  encryptionKey: string;
  /** From the URL: POST /webhooks/lever/:connectionId. */
  connectionId: string;
  /** The raw request body, exactly as received. */
  body: string;
  headers: Record<string, string | undefined>;
  now?: Date;
  /** Freshness window; defaults: 5 minutes old, 1 minute ahead. */
  freshness?: LeverWebhookOptions;
}

export interface LeverWebhookResult {
  /**
   * 202 a hire export was queued; 200 acknowledged, nothing to do (not a hire, exports off, or
   * the hire already sent to Zenefits: the message says which); 400 not a Lever delivery;
   * 401 unknown connection, bad signature or stale; 409 a delivery already received (replay);
   * 503 the job queue is not installed yet (Lever retries).
   */
  status: 200 | 202 | 400 | 401 | 409 | 503;
  message: string;
}

const result = (status: LeverWebhookResult["status"], message: string): LeverWebhookResult => ({ status, message });

/**
 * One Lever webhook delivery for one connection: signature and freshness checked, replays
 * refused by the delivery's unique token, and for `candidateHired` one `export_hire` job queued
 * (keyed per candidate) in the same transaction as the delivery row. A refused delivery stores
 * nothing and queues nothing.
 */
export async function handleLeverWebhook(input: LeverWebhookInput): Promise<LeverWebhookResult> {
  const { db, connectionId } = input;
  const now = input.now ?? new Date();
  const connection = await loadLeverConnection(db, input.encryptionKey, connectionId);
  // One answer for an unknown connection and a bad signature: ids cannot be probed.
  if (!connection) return result(401, "Unknown connection or invalid signature");
  const signingToken = connection.credentials?.webhookSigningToken;
  if (!signingToken) return result(401, "This connection has no webhook signing token: deliveries cannot be verified");

  const envelope = parseLeverEnvelope(input.body);
  if (!envelope) return result(400, "The body is not a Lever webhook delivery (token, triggeredAt, event)");
  const handler = createLeverWebhookHandler(input.freshness);
  const verdict = handler.verify({ body: input.body, headers: input.headers, secret: signingToken, now });
  if (!verdict.ok) return result(401, `Refused: ${verdict.reason}`);

  const event = handler.parse(envelope)[0];
  const opportunityId = envelope.data.opportunityId ?? null;
  const exportable = envelope.event === LEVER_HIRED_EVENT && opportunityId !== null && connection.settings.enabled;
  return db.transaction().execute(async (trx) => {
    if (exportable && !(await jobQueueInstalled(trx))) return result(503, "The job queue is not ready yet; Lever will retry");
    // A hire already sent (hired twice in Lever, say) is acknowledged and not queued again.
    const sent = exportable && opportunityId !== null ? await lastSent(trx, connectionId, opportunityId, "hired") : null;
    const refusal = alreadySentRefusal(sent, "webhook");
    const stored = await trx
      .insertInto("webhook_deliveries")
      .values({
        connection_id: connectionId,
        provider: "lever",
        delivery_id: envelope.token,
        event: envelope.event,
        remote_id: event?.remoteId ?? null,
        triggered_at: new Date(envelope.triggeredAt),
        job_queued: exportable && refusal === null,
      })
      .onConflict((oc) => oc.columns(["connection_id", "delivery_id"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!stored) return result(409, "This delivery was already received");
    if (refusal) return result(200, `Acknowledged, not exported: ${refusal}`);
    if (!exportable || opportunityId === null) {
      const why = !event
        ? "no candidate in it (a verify ping?)"
        : !connection.settings.enabled
          ? "exports are off"
          : "not a hire";
      return result(200, `Acknowledged: ${why}`);
    }
    await queueExportHire(trx, { connectionId, opportunityId, trigger: "webhook" });
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
