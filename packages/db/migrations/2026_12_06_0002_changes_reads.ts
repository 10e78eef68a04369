import { type Kysely, sql } from "kysely";

// Syncs that read only what changed (a provider's change feed, or the records a webhook named)
// between full reads: each run says how it read, from when, and which records; the connection
// says when its last full read was (the periodic full sync against drift is measured from it).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("connections").addColumn("last_full_sync_at", "timestamptz").execute();
  await db.schema
    .alterTable("sync_runs")
    .addColumn("mode", "text", (c) => c.notNull().defaultTo("full"))
    .addColumn("changes_since", "timestamptz")
    .addColumn("records", "jsonb")
    .execute();
  await db.schema
    .alterTable("sync_runs")
    .addCheckConstraint("sync_runs_mode", sql`mode in ('full', 'changes', 'records')`)
    .execute();
  // Records a webhook named, waiting for the connection's next records sync: many deliveries,
  // one run.
  await db.schema
    .createTable("pending_record_syncs")
    .addColumn("connection_id", "uuid", (c) => c.notNull().references("connections.id").onDelete("cascade"))
    .addColumn("stream", "text", (c) => c.notNull())
    .addColumn("remote_id", "text", (c) => c.notNull())
    .addColumn("queued_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("pending_record_syncs_pk", ["connection_id", "stream", "remote_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("pending_record_syncs").execute();
  await db.schema.alterTable("sync_runs").dropConstraint("sync_runs_mode").execute();
  await db.schema.alterTable("sync_runs").dropColumn("records").dropColumn("changes_since").dropColumn("mode").execute();
  await db.schema.alterTable("connections").dropColumn("last_full_sync_at").execute();
}
