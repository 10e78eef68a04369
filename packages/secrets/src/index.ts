import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Credentials at rest: AES-256-GCM with a random 96-bit nonce per value, from node:crypto.
 * Stored as `v1.<nonce>.<tag>.<ciphertext>` (base64url) so the format can evolve.
 * The associated data binds a ciphertext to its row (e.g. the connection id), so a value
 * copied into another row does not decrypt.
 */
const VERSION = "v1";

export class SecretDecryptionError extends Error {
  override name = "SecretDecryptionError";
}

function keyFrom(base64Key: string): Buffer {
  const key = Buffer.from(base64Key, "base64");
  if (key.length !== 32) throw new Error("ENCRYPTION_KEY must be 32 bytes encoded as base64");
  return key;
}

export function encryptSecret(plaintext: string, base64Key: string, associatedData = ""): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFrom(base64Key), nonce);
  cipher.setAAD(Buffer.from(associatedData, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, nonce, cipher.getAuthTag(), ciphertext]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

export function decryptSecret(envelope: string, base64Key: string, associatedData = ""): string {
  const [version, nonce, tag, ciphertext] = envelope.split(".");
  if (version !== VERSION || !nonce || !tag || ciphertext === undefined) {
    throw new SecretDecryptionError("Stored secret has an unknown format");
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFrom(base64Key), Buffer.from(nonce, "base64url"));
    decipher.setAAD(Buffer.from(associatedData, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretDecryptionError("Stored secret cannot be decrypted: wrong ENCRYPTION_KEY or tampered value");
  }
}

/** JSON credentials objects, the shape connections store. */
export function encryptJson(value: unknown, base64Key: string, associatedData = ""): string {
  return encryptSecret(JSON.stringify(value), base64Key, associatedData);
}

export function decryptJson<T = unknown>(envelope: string, base64Key: string, associatedData = ""): T {
  return JSON.parse(decryptSecret(envelope, base64Key, associatedData)) as T;
}

/** The last four characters, the most of a secret the browser ever sees. */
export function secretHint(secret: string): string {
  return secret.length <= 8 ? "••••" : `••••${secret.slice(-4)}`;
}

export function generateEncryptionKey(): string {
  return randomBytes(32).toString("base64");
}
