import type { WebhookEvent, WebhookHandler } from "@roster/core";
import { LEVER_HIRED_EVENT, parseLeverEnvelope } from "./envelope";
import { leverSignatureMatches } from "./signature";

export interface LeverWebhookOptions {
  /** Deliveries triggered longer ago than this are refused as stale (replay defence, reference §5 step 4). */
  maxAgeMs?: number;
  /** Tolerated clock difference for a `triggeredAt` in the future. */
  maxFutureSkewMs?: number;
}

export const DEFAULT_WEBHOOK_MAX_AGE_MS = 5 * 60_000;
export const DEFAULT_WEBHOOK_FUTURE_SKEW_MS = 60_000;

/**
 * Signature and freshness checks for Lever deliveries, and their parsing into events whose id
 * is the delivery token (remembered by the receiver to refuse replays within the window).
 * Lever retries a failed delivery with the identical body (same token and timestamp), so a
 * window shorter than Lever's retry delays refuses those retries as stale: the hire is still
 * found by reconciliation.
 */
export function createLeverWebhookHandler(options: LeverWebhookOptions = {}): WebhookHandler {
  const maxAgeMs = options.maxAgeMs ?? DEFAULT_WEBHOOK_MAX_AGE_MS;
  const maxFutureSkewMs = options.maxFutureSkewMs ?? DEFAULT_WEBHOOK_FUTURE_SKEW_MS;
  return {
    // Settings → Integrations and API → Webhooks → "Webhook signing token" (reference §5).
    secret: (credentials: { webhookSigningToken?: string } | null) => credentials?.webhookSigningToken ?? null,
    verify({ body, secret, now }) {
      const envelope = parseLeverEnvelope(body);
      if (!envelope)
        return { ok: false, malformed: true, reason: "the body is not a Lever webhook delivery (token, triggeredAt, event)" };
      if (!envelope.signature) {
        return { ok: false, reason: "the delivery is unsigned: set a webhook signing token in Lever's webhook settings" };
      }
      if (!leverSignatureMatches({ ...envelope, signature: envelope.signature }, secret)) {
        return { ok: false, reason: "the signature does not match the webhook signing token" };
      }
      const ageMs = now.getTime() - envelope.triggeredAt;
      if (ageMs > maxAgeMs) {
        return { ok: false, reason: `stale delivery: triggered ${Math.round(ageMs / 1000)} s ago (limit ${maxAgeMs / 1000} s)` };
      }
      if (-ageMs > maxFutureSkewMs) {
        return {
          ok: false,
          reason: `triggeredAt is ${Math.round(-ageMs / 1000)} s in the future (limit ${maxFutureSkewMs / 1000} s)`,
        };
      }
      return { ok: true };
    },
    parse(body) {
      const envelope = parseLeverEnvelope(body);
      // The "Verify connection" ping carries `data: {}`: nothing to act on (reference §5).
      const remoteId = envelope?.data.opportunityId ?? envelope?.data.contactId;
      if (!envelope || !remoteId) return [];
      const event: WebhookEvent = {
        id: envelope.token,
        type: envelope.event,
        remoteId,
        occurredAt: new Date(envelope.triggeredAt),
        data: envelope.data,
        ...(envelope.event === LEVER_HIRED_EVENT && envelope.data.opportunityId
          ? { effect: { kind: "candidate_hired", candidateId: envelope.data.opportunityId } }
          : {}),
      };
      return [event];
    },
  };
}

/** The handler with the default 5-minute window and 1-minute future skew. */
export const leverWebhook = createLeverWebhookHandler();
