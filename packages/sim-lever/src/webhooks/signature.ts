import { createHmac, randomBytes } from "node:crypto";

/**
 * Lever's webhook signature (reference §5 "Signature verification"):
 * hex(HMAC-SHA256(key = signature token, message = token + String(triggeredAt))).
 * Only token and timestamp are signed, never the body.
 */
export function signLever(token: string, triggeredAt: number, signatureToken: string): string {
  return createHmac("sha256", signatureToken).update(`${token}${triggeredAt}`).digest("hex");
}

/** The per-delivery `token`: a random 48-character string (the reference's example is 48 hex). */
export function newDeliveryToken(): string {
  return randomBytes(24).toString("hex");
}

/** A signing token for a new account: same 48-hex shape; regenerable in Lever's settings. */
export function newSignatureToken(): string {
  return randomBytes(24).toString("hex");
}
