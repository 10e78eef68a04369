import { queueRecordSync } from "@roster/connection-policy";
import type { Connector, WebhookEvent } from "@roster/core";
import type { Db } from "@roster/db";
import { jobQueueInstalled } from "@roster/email";
import { decryptJson } from "@roster/secrets";

export interface RecordWebhookInput {
  db: Db;
  encryptionKey: string;
  /** The connector named by the URL; it has a webhook handler. */
  connector: Connector & { webhook: NonNullable<Connector["webhook"]> };
  connectionId: string;
  /** The raw request body, exactly as received (signatures cover it). */
  body: string;
  headers: Record<string, string | undefined>;
  now?: Date;
}

export interface RecordWebhookResult {
  /**
   * 202 records queued for a re-read; 200 acknowledged, nothing to do; 400 signed but not a
   * delivery the connector can read; 401 unknown connection or a bad, missing, stale or future
   * signature; 409 every event of it already received (replay); 503 the job queue is not
   * installed yet (the provider retries).
   */
  status: 200 | 202 | 400 | 401 | 409 | 503;
  message: string;
}

const result = (status: RecordWebhookResult["status"], message: string): RecordWebhookResult => ({ status, message });

/** JSON bodies are handed to the connector parsed; anything else (a form body) as the raw text. */
function bodyForParse(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

/** The records an event asks to re-read, when the connector has that stream and can read named records. */
function recordsOf(connector: Connector, event: WebhookEvent): { stream: string; remoteIds: string[] } | null {
  const effect = event.effect;
  if (effect?.kind !== "records_changed" || effect.remoteIds.length === 0) return null;
  const stream = Object.hasOwn(connector.streams, effect.stream) ? connector.streams[effect.stream] : undefined;
  return stream?.readRecords ? { stream: effect.stream, remoteIds: effect.remoteIds } : null;
}

/**
 * One signed delivery for one connection of an HRIS connector: the connector's webhook handler
 * checks signature and freshness with the secret it reads from the connection's credentials;
 * each event is recorded by its id in webhook_deliveries (a second delivery of the same events
 * is a replay, refused); the records the new events name join the connection's pending set and
 * one sync_records job, in the same transaction. A refused delivery stores and queues nothing.
 */
export async function receiveRecordWebhook(input: RecordWebhookInput): Promise<RecordWebhookResult> {
  const { db, connector, connectionId } = input;
  const now = input.now ?? new Date();
  const connection = await db
    .selectFrom("connections")
    .select(["id", "status", "credentials_encrypted"])
    .where("id", "=", connectionId)
    .where("connector_id", "=", connector.manifest.id)
    .executeTakeFirst();
  // An unknown connection and one of another connector get the same answer.
  if (!connection) return result(401, "Unknown connection or invalid signature");
  let credentials: unknown;
  try {
    credentials = decryptJson(connection.credentials_encrypted, input.encryptionKey, connection.id);
  } catch {
    return result(401, "Unknown connection or invalid signature");
  }
  const secret = connector.webhook.secret(credentials);
  if (!secret) return result(401, "This connection has no webhook signing secret: deliveries cannot be verified");
  const verdict = connector.webhook.verify({ body: input.body, headers: input.headers, secret, now });
  if (!verdict.ok) return result(401, `Refused: ${verdict.reason}`);

  let events: WebhookEvent[];
  try {
    events = connector.webhook.parse(bodyForParse(input.body));
  } catch {
    // Signed, so the provider sent it; a 4xx stops its retries of something that will never parse.
    return result(400, `The body is not a ${connector.manifest.name} delivery Roster can read`);
  }
  if (events.length === 0) return result(200, "Acknowledged: no event Roster acts on");
  if (connection.status === "disabled") return result(200, "Acknowledged: the connection is disabled");

  return db.transaction().execute(async (trx) => {
    const wanted = events.map((event) => ({ event, records: recordsOf(connector, event) }));
    if (wanted.some((w) => w.records) && !(await jobQueueInstalled(trx))) {
      return result(503, "The job queue is not ready yet; deliver again later");
    }
    const stored = await trx
      .insertInto("webhook_deliveries")
      .values(
        wanted.map(({ event, records }) => ({
          connection_id: connectionId,
          provider: connector.manifest.id,
          delivery_id: event.id,
          event: event.type,
          remote_id: event.remoteId,
          triggered_at: event.occurredAt,
          job_queued: records !== null,
        })),
      )
      .onConflict((oc) => oc.columns(["connection_id", "delivery_id"]).doNothing())
      .returning("delivery_id")
      .execute();
    if (stored.length === 0) return result(409, "This delivery was already received");
    const fresh = new Set(stored.map((row) => row.delivery_id));

    const byStream = new Map<string, Set<string>>();
    for (const { event, records } of wanted) {
      if (!records || !fresh.has(event.id)) continue;
      const ids = byStream.get(records.stream) ?? new Set<string>();
      for (const id of records.remoteIds) ids.add(id);
      byStream.set(records.stream, ids);
    }
    if (byStream.size === 0) return result(200, "Acknowledged: no records to re-read");
    let queued = 0;
    for (const [stream, ids] of byStream) {
      await queueRecordSync(trx, { connectionId, stream, remoteIds: [...ids] }, now);
      queued += ids.size;
    }
    return result(202, `Re-read of ${queued} record${queued === 1 ? "" : "s"} queued`);
  });
}
