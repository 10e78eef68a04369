import type { Db } from "@roster/db";
import { createSyncConnection } from "@roster/db/testing";
import type { UpsertScope } from "../src/upsert";

/** A new connection with a run of its own: its tables start empty. */
export async function newScope(db: Db): Promise<UpsertScope> {
  const connection = await createSyncConnection(db, { connectorId: "acme", displayName: "Acme" });
  const run = await db
    .insertInto("sync_runs")
    .values({ organisation_id: connection.organisationId, connection_id: connection.id, trigger: "manual" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { organisationId: connection.organisationId, connectionId: connection.id, runId: run.id };
}
