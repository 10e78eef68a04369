import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * For a first look on a laptop only: when ENCRYPTION_KEY is not given, make one and keep
 * it beside the embedded database (git-ignored), so stored credentials survive restarts.
 * Production deployments set ENCRYPTION_KEY themselves.
 */
export function localEncryptionKey(dataDir: string): string {
  const file = path.resolve(dataDir, "encryption.key");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(32).toString("base64");
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}
