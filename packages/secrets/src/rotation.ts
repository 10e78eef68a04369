import { type Db, sql } from "@roster/db";
import { decryptSecret, encryptSecret, SecretDecryptionError } from "./index";

/** Every column that holds a secret encrypted with ENCRYPTION_KEY, and the associated data binding it to its row. */
const ENCRYPTED_COLUMNS = [
  { table: "connections", column: "credentials_encrypted", associatedData: (id: string) => id },
  { table: "webhook_endpoints", column: "secret_encrypted", associatedData: (id: string) => `webhook_endpoint:${id}` },
] as const;

export interface RotationReport {
  /** Values re-encrypted under the new key, by table. */
  reencrypted: Record<string, number>;
  /** Values already under the new key (a rotation run again), left as they are. */
  alreadyRotated: Record<string, number>;
}

export class KeyRotationError extends Error {
  override name = "KeyRotationError";
}

/**
 * Re-encrypts every stored secret from oldKey to newKey in one transaction: either every value
 * is under the new key afterwards, or nothing changed. Rows are locked while it runs, so a
 * connection saved meanwhile waits rather than being written under the old key. A value that
 * opens with neither key stops the rotation, naming its row; values are never logged.
 */
export async function rotateStoredSecrets(db: Db, oldKey: string, newKey: string): Promise<RotationReport> {
  const report: RotationReport = { reencrypted: {}, alreadyRotated: {} };
  await db.transaction().execute(async (trx) => {
    for (const { table, column, associatedData } of ENCRYPTED_COLUMNS) {
      const { rows } = await sql<{ id: string; value: string }>`
        select id, ${sql.ref(column)} as value from ${sql.table(table)} order by id for update`.execute(trx);
      let reencrypted = 0;
      let alreadyRotated = 0;
      for (const row of rows) {
        const aad = associatedData(row.id);
        const plaintext = openWithEither(row.value, oldKey, newKey, aad);
        if (plaintext === null) {
          throw new KeyRotationError(
            `${table} ${row.id}: its ${column} opens with neither the old nor the new key; nothing was changed`,
          );
        }
        if (plaintext.under === "new") {
          alreadyRotated += 1;
          continue;
        }
        await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${encryptSecret(plaintext.value, newKey, aad)} where id = ${row.id}`.execute(
          trx,
        );
        reencrypted += 1;
      }
      report.reencrypted[table] = reencrypted;
      report.alreadyRotated[table] = alreadyRotated;
    }
  });
  return report;
}

function openWithEither(
  envelope: string,
  oldKey: string,
  newKey: string,
  aad: string,
): { value: string; under: "old" | "new" } | null {
  for (const [under, key] of [
    ["old", oldKey],
    ["new", newKey],
  ] as const) {
    try {
      return { value: decryptSecret(envelope, key, aad), under };
    } catch (error) {
      if (!(error instanceof SecretDecryptionError)) throw error;
    }
  }
  return null;
}
