import { createHash, randomBytes } from "node:crypto";

/** A random 32-byte token for the browser and the sha256 the database keeps instead. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

/** Only hashes are stored, so a leaked table cannot be replayed as sessions or invites. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
