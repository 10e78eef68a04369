import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Lever's webhook signature (reference §5 "Signature verification"):
 * hex(HMAC-SHA256(key = signing token, message = token + String(triggeredAt))).
 * Only the delivery token and timestamp are signed, never the body.
 */
export function signLeverWebhook(token: string, triggeredAt: number, signingToken: string): string {
  return createHmac("sha256", signingToken).update(`${token}${triggeredAt}`).digest("hex");
}

/** Constant-time comparison of a delivery's `signature` with the expected one. */
export function leverSignatureMatches(
  envelope: { token: string; triggeredAt: number; signature: string },
  signingToken: string,
): boolean {
  const expected = Buffer.from(signLeverWebhook(envelope.token, envelope.triggeredAt, signingToken));
  const given = Buffer.from(envelope.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
