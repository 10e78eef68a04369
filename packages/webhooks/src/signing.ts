import { createHmac, randomBytes } from "node:crypto";

/**
 * Standard Webhooks (standardwebhooks.com): the secret is `whsec_` + base64 of random bytes; each
 * delivery carries webhook-id, webhook-timestamp (Unix seconds) and webhook-signature
 * `v1,<base64 HMAC-SHA256 of "id.timestamp.body" keyed by the secret's bytes>`.
 */
const SECRET_PREFIX = "whsec_";

export function generateSigningSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString("base64")}`;
}

export function sign(secret: string, messageId: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, "base64");
  const mac = createHmac("sha256", key).update(`${messageId}.${timestampSeconds}.${body}`).digest("base64");
  return `v1,${mac}`;
}

/** The headers of one delivery attempt: a fresh timestamp each time, the same id and body. */
export function signedHeaders(secret: string, messageId: string, body: string, now = new Date()): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    "content-type": "application/json",
    "user-agent": "Roster-Webhooks/1",
    "webhook-id": messageId,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": sign(secret, messageId, timestamp, body),
  };
}
