import type { WebhookHandler } from "@roster/core";
import type { BambooHrCredentials } from "../manifest";
import { parseWebhookBody } from "./payload";
import { signatureMatches } from "./signature";

/** Deliveries older than this are refused: a captured request cannot be replayed later. */
export const MAX_AGE_SECONDS = 5 * 60;
/** Clock difference tolerated for a timestamp in the future. */
export const MAX_FUTURE_SKEW_SECONDS = 60;

function header(headers: Record<string, string | undefined>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/**
 * BambooHR deliveries (reference §5.3): X-BambooHR-Timestamp (Unix seconds) and X-BambooHR-Signature
 * = hex(HMAC-SHA256(private key, raw body + timestamp)). The signature is checked first, so a
 * forged or altered delivery says so; then the timestamp, which the signature covers, must be
 * recent. BambooHR retries a failed delivery with a fresh timestamp (§5.4), so retries pass.
 */
export const bamboohrWebhook: WebhookHandler = {
  secret: (credentials: Partial<BambooHrCredentials> | null) => credentials?.webhookPrivateKey ?? null,
  verify({ body, headers, secret, now }) {
    const timestamp = header(headers, "x-bamboohr-timestamp")?.trim();
    const signature = header(headers, "x-bamboohr-signature")?.trim();
    if (!timestamp || !signature) {
      return { ok: false, reason: "the delivery is unsigned: X-BambooHR-Timestamp or X-BambooHR-Signature is missing" };
    }
    if (!/^[0-9a-fA-F]{64}$/.test(signature)) return { ok: false, reason: "X-BambooHR-Signature is not a SHA-256 hex digest" };
    if (!signatureMatches(secret, body, timestamp, signature)) {
      return { ok: false, reason: "the signature does not match the webhook's private key (forged or altered delivery)" };
    }
    if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: `X-BambooHR-Timestamp is not Unix seconds: ${timestamp}` };
    const ageSeconds = Math.round(now.getTime() / 1000 - Number(timestamp));
    if (ageSeconds > MAX_AGE_SECONDS) {
      return { ok: false, reason: `stale delivery: signed ${ageSeconds} s ago (limit ${MAX_AGE_SECONDS} s)` };
    }
    if (-ageSeconds > MAX_FUTURE_SKEW_SECONDS) {
      return { ok: false, reason: `X-BambooHR-Timestamp is ${-ageSeconds} s in the future (limit ${MAX_FUTURE_SKEW_SECONDS} s)` };
    }
    return { ok: true };
  },
  parse: (body) => parseWebhookBody(body, new Date()),
};
