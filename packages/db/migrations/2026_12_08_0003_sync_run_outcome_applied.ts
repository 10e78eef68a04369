import type { Kysely } from "kysely";

// When the worker applied a run's outcome (counters, next sync, emails, events). A worker killed
// between the run's end and that step leaves it empty: the job's retry then applies the outcome
// of the finished run instead of syncing a second time.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("sync_runs").addColumn("outcome_applied_at", "timestamptz").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("sync_runs").dropColumn("outcome_applied_at").execute();
}
