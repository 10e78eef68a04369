import type { Kysely } from "kysely";

// The id of the API request that asked for a run ("Sync now"), so an operator can follow one
// request from the API's log lines to the run. Nullable: scheduled runs have none, and older
// processes keep inserting runs without it (expand-only).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("sync_runs").addColumn("request_id", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("sync_runs").dropColumn("request_id").execute();
}
