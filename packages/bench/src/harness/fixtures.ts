import type { Db } from "@roster/db";

export interface ConnectionFixture {
  organisationId: string;
  connectionId: string;
}

/** One organisation with one connection (Zenefits unless told): what every sync-side benchmark writes under. */
export async function createConnection(db: Db, name = "Bench Org", connectorId = "zenefits"): Promise<ConnectionFixture> {
  const org = await db.insertInto("organisations").values({ name }).returning("id").executeTakeFirstOrThrow();
  const connection = await db
    .insertInto("connections")
    .values({
      organisation_id: org.id,
      connector_id: connectorId,
      display_name: `${connectorId} (bench)`,
      // The bench runs the engine with plaintext credentials (runSync), so nothing is decrypted.
      credentials_encrypted: "unused-by-the-bench",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { organisationId: org.id, connectionId: connection.id };
}

/** A sync_runs row, for benchmarks that call upsertBatch directly (change_log rows reference it). */
export async function createRun(db: Db, fixture: ConnectionFixture): Promise<string> {
  const run = await db
    .insertInto("sync_runs")
    .values({ organisation_id: fixture.organisationId, connection_id: fixture.connectionId, trigger: "manual" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return run.id;
}
