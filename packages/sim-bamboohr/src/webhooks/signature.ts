import { createHmac } from "node:crypto";

/**
 * How the signed message is built. The reference's sources (three, quoting
 * BambooHR's PHP sample) say raw body immediately followed by the timestamp;
 * some third-party guides use `timestamp.body`, kept as a switch in case the
 * sample turns out otherwise (reference §5.3, "Uncertain").
 */
export type SignatureScheme = "body+timestamp" | "timestamp.body";

/** hex(HMAC-SHA256(privateKey, message)), sent in X-BambooHR-Signature. */
export function signBambooHr(privateKey: string, rawBody: string, timestamp: string, scheme: SignatureScheme = "body+timestamp") {
  const message = scheme === "body+timestamp" ? `${rawBody}${timestamp}` : `${timestamp}.${rawBody}`;
  return createHmac("sha256", privateKey).update(message, "utf8").digest("hex");
}
