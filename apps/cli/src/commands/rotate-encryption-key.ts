import { configSchema } from "@roster/config";
import { KeyRotationError, rotateStoredSecrets } from "@roster/secrets/rotation";
import { openDatabase, resolveEncryptionKey } from "../database";
import { CliError, ExitCode, type ExitCodeValue, usageError } from "../exit-codes";
import type { Output } from "../output/output";
import { readSecretFiles } from "../secret-files";

export interface RotateEncryptionKeyOptions {
  newKeyFile: string;
}

/**
 * `roster rotate-encryption-key --new-key-file F`: re-encrypts every stored secret (connection
 * credentials, webhook signing secrets) from the current ENCRYPTION_KEY to the key in F, in one
 * transaction. Run again with either key as ENCRYPTION_KEY, it finishes what is left and
 * changes nothing else. Afterwards every process must be restarted with the new key.
 */
export async function rotateEncryptionKeyCommand(out: Output, options: RotateEncryptionKeyOptions): Promise<ExitCodeValue> {
  const oldKey = resolveEncryptionKey();
  out.addSecret(oldKey);
  const [newKey] = await readSecretFiles(out, [{ flag: "--new-key-file", path: options.newKeyFile }]);
  if (!newKey || !configSchema.shape.ENCRYPTION_KEY.safeParse(newKey).success) {
    throw usageError(
      "--new-key-file: the file does not hold 32 bytes encoded as base64.",
      "Make one with: openssl rand -base64 32",
    );
  }
  if (newKey === oldKey) throw usageError("--new-key-file holds the key already in use (ENCRYPTION_KEY).");

  const db = await openDatabase();
  try {
    const report = await rotateStoredSecrets(db, oldKey, newKey);
    out.data({ ok: true, ...report });
    for (const [table, n] of Object.entries(report.reencrypted)) {
      const again = report.alreadyRotated[table] ?? 0;
      out.line(`${out.c.green("✓")} ${table}: ${n} re-encrypted${again ? `, ${again} already under the new key` : ""}`);
    }
    out.line("Now set ENCRYPTION_KEY to the new key and restart every API and worker process.");
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof KeyRotationError) throw new CliError(ExitCode.failed, error.message, { kind: "rotation_failed" });
    throw error;
  } finally {
    await db.destroy();
  }
}
