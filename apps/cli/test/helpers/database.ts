import { createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { encryptJson, generateEncryptionKey } from "@roster/secrets";

export interface SyncFixture {
  testDb: TestDatabase;
  encryptionKey: string;
  organisationId: string;
  /** Inserts a zenefits connection with these credentials, encrypted as the API stores them. */
  addConnection(credentials: { accessToken: string; baseUrl: string }, name?: string): Promise<string>;
  /** What the CLI child needs to reach this database with this key. */
  env: Record<string, string>;
}

/** A fresh database (cloned from the migrated template), one organisation, and a key. */
export async function createSyncFixture(): Promise<SyncFixture> {
  const testDb = await createTestDatabase();
  const encryptionKey = generateEncryptionKey();
  const org = await testDb.db
    .insertInto("organisations")
    .values({ name: "CLI Test Org" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return {
    testDb,
    encryptionKey,
    organisationId: org.id,
    env: { DATABASE_URL: testDb.url, ENCRYPTION_KEY: encryptionKey },
    async addConnection(credentials, name = "Zenefits") {
      const row = await testDb.db
        .insertInto("connections")
        .values({ organisation_id: org.id, connector_id: "zenefits", display_name: name, credentials_encrypted: "pending" })
        .returning("id")
        .executeTakeFirstOrThrow();
      // The ciphertext is bound to its row id, as the API binds it.
      await testDb.db
        .updateTable("connections")
        .set({ credentials_encrypted: encryptJson(credentials, encryptionKey, row.id) })
        .where("id", "=", row.id)
        .execute();
      return row.id;
    },
  };
}
