import { type Db, sql } from "@roster/db";
import type { Logger } from "@roster/logger";
import { endpointSecret } from "./endpoints";
import { signedHeaders } from "./signing";

/** A receiver that takes longer is counted as failed for this attempt (Standard Webhooks suggests short timeouts). */
const REQUEST_TIMEOUT_MS = 15_000;
/** Records of one batch sent at once; a record's own events always go one after another. */
const RECORDS_AT_ONCE = 8;
const MAX_ERROR_TEXT = 500;

export interface DeliverOptions {
  db: Db;
  encryptionKey: string;
  log?: Logger;
  /** The last attempt the job has: what is still pending afterwards is given up. */
  finalAttempt: boolean;
  signal?: AbortSignal;
}

export interface DeliverResult {
  delivered: number;
  failed: number;
  /** Not sent: an earlier event of the same record is still waiting elsewhere. */
  waiting: number;
  gaveUp: number;
}

interface PendingDelivery {
  id: string;
  event_id: string;
  ordering_key: string;
  body: string;
}

/**
 * Sends one batch of an endpoint's deliveries (a deliver_webhooks job). Each outcome is written
 * as soon as it is known, so a crash repeats at most the requests in flight (receivers dedupe on
 * webhook-id). A record's events go in order, and stop at its first failure; one still blocked
 * by an earlier undelivered event in another batch waits. Returns what is still pending, and
 * the caller throws when something is, for graphile-worker to retry the job with backoff.
 */
export async function deliverBatch(
  endpointId: string,
  deliveryIds: readonly string[],
  options: DeliverOptions,
): Promise<DeliverResult> {
  const { db } = options;
  const result: DeliverResult = { delivered: 0, failed: 0, waiting: 0, gaveUp: 0 };
  const endpoint = await db
    .selectFrom("webhook_endpoints")
    .select(["id", "url", "enabled", "secret_encrypted"])
    .where("id", "=", endpointId)
    .executeTakeFirst();
  // Deleted (its deliveries went with it), or paused: turning it on queues what is pending.
  if (!endpoint?.enabled) return result;
  const secret = endpointSecret(endpoint, options.encryptionKey);
  const pending = await db
    .selectFrom("event_deliveries")
    .select(["id", "event_id", "ordering_key", "body"])
    .where("endpoint_id", "=", endpointId)
    .where("id", "in", deliveryIds.length > 0 ? deliveryIds : ["0"])
    .where("status", "=", "pending")
    .orderBy("id")
    .execute();
  const blocked = await blockedKeys(db, endpointId, pending);
  const chains = new Map<string, PendingDelivery[]>();
  for (const delivery of pending) {
    const chain = chains.get(delivery.ordering_key) ?? [];
    chain.push({ ...delivery, id: String(delivery.id) });
    chains.set(delivery.ordering_key, chain);
  }

  const runChain = async (chain: PendingDelivery[]) => {
    if (blocked.has(chain[0]!.ordering_key)) {
      result.waiting += chain.length;
      return;
    }
    for (const [index, delivery] of chain.entries()) {
      if (options.signal?.aborted) return;
      const ok = await attempt(db, endpoint.url, secret, delivery, options.log);
      if (ok) {
        result.delivered++;
        continue;
      }
      result.failed++;
      result.waiting += chain.length - index - 1;
      return;
    }
  };
  const queue = [...chains.values()];
  await Promise.all(
    Array.from({ length: Math.min(RECORDS_AT_ONCE, queue.length) }, async () => {
      for (let chain = queue.shift(); chain; chain = queue.shift()) await runChain(chain);
    }),
  );

  if (options.finalAttempt && result.failed + result.waiting > 0) {
    const gaveUp = await db
      .updateTable("event_deliveries")
      .set((eb) => ({
        status: "failed",
        last_error: eb.fn.coalesce("last_error", sql.lit("not sent: an earlier event of the same record was still waiting")),
      }))
      .where("id", "in", [...pending.map((p) => String(p.id))])
      .where("status", "=", "pending")
      .executeTakeFirst();
    result.gaveUp = Number(gaveUp.numUpdatedRows);
  }
  return result;
}

/** Ordering keys of the batch with an earlier pending delivery outside it: those wait. */
async function blockedKeys(db: Db, endpointId: string, pending: readonly PendingDelivery[]): Promise<Set<string>> {
  if (pending.length === 0) return new Set();
  const ids = pending.map((p) => String(p.id));
  const { rows } = await sql<{ ordering_key: string }>`
    select distinct d.ordering_key from event_deliveries d
    join (select b.ordering_key, min(b.id) as first_id from event_deliveries b
          where b.id = any(${ids}::bigint[]) group by b.ordering_key) f on f.ordering_key = d.ordering_key
    where d.endpoint_id = ${endpointId} and d.status = 'pending' and d.id < f.first_id`.execute(db);
  return new Set(rows.map((r) => r.ordering_key));
}

/** One POST; its outcome is written at once. Any 2xx is delivered; redirects are not followed. */
async function attempt(db: Db, url: string, secret: string, delivery: PendingDelivery, log?: Logger): Promise<boolean> {
  let status: number | null = null;
  let error: string | null = null;
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: signedHeaders(secret, delivery.event_id, delivery.body),
      body: delivery.body,
      redirect: "manual",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    status = response.status;
    // The receiver's answer is not kept, only its size-bounded start when it failed.
    const text = await response.text().catch(() => "");
    if (status < 200 || status >= 300) error = `HTTP ${status}${text ? `: ${text.slice(0, MAX_ERROR_TEXT)}` : ""}`;
  } catch (e) {
    const failure = e as Error & { cause?: { message?: string; code?: string } };
    error =
      failure.name === "TimeoutError"
        ? `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`
        : `${failure.message}${failure.cause?.code ? ` (${failure.cause.code})` : ""}`;
  }
  const now = new Date();
  await db
    .updateTable("event_deliveries")
    .set((eb) => ({
      attempts: eb("attempts", "+", 1),
      last_status_code: status,
      last_error: error,
      last_attempt_at: now,
      ...(error === null ? { status: "delivered" as const, delivered_at: now } : {}),
    }))
    .where("id", "=", delivery.id)
    .where("status", "=", "pending")
    .execute();
  if (error !== null)
    log?.warn({ deliveryId: delivery.id, eventId: delivery.event_id, status, error }, "webhook delivery failed");
  return error === null;
}
