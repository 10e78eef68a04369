import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * BambooHR's webhook signature (reference §5.3): hex(HMAC-SHA256(key = the webhook's private key,
 * message = raw body immediately followed by the X-BambooHR-Timestamp value)). Three sources
 * quoting BambooHR's PHP sample agree on body + timestamp with no separator.
 */
export function signBambooHrWebhook(privateKey: string, rawBody: string, timestamp: string): string {
  return createHmac("sha256", privateKey).update(`${rawBody}${timestamp}`, "utf8").digest("hex");
}

/** Constant-time comparison with the expected signature (hex, either case). */
export function signatureMatches(privateKey: string, rawBody: string, timestamp: string, signature: string): boolean {
  const expected = Buffer.from(signBambooHrWebhook(privateKey, rawBody, timestamp));
  const given = Buffer.from(signature.trim().toLowerCase());
  return expected.length === given.length && timingSafeEqual(expected, given);
}
