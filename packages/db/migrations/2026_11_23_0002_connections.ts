import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("connections")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("organisation_id", "uuid", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("connector_id", "text", (c) => c.notNull())
    .addColumn("display_name", "text", (c) => c.notNull())
    // AES-256-GCM envelope; plaintext never stored.
    .addColumn("credentials_encrypted", "text", (c) => c.notNull())
    .addColumn("credentials_hint", "text")
    .addColumn("notification_email", "text")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("active"))
    .addColumn("consecutive_failures", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("failure_notified", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("disabled_reason", "text")
    .addColumn("sync_interval_hours", "double precision")
    .addColumn("next_sync_at", "timestamptz")
    .addColumn("last_sync_at", "timestamptz")
    .addColumn("last_success_at", "timestamptz")
    .addColumn("account", "jsonb")
    .addColumn("permissions", "jsonb")
    .addColumn("settings", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("connections_status", sql`status in ('active', 'failing', 'disabled')`)
    .execute();
  await db.schema.createIndex("connections_org").on("connections").column("organisation_id").execute();
  await db.schema
    .createIndex("connections_due")
    .on("connections")
    .column("next_sync_at")
    .where(sql.ref("status"), "<>", "disabled")
    .execute();

  await db.schema
    .createTable("sync_runs")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("organisation_id", "uuid", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("connection_id", "uuid", (c) => c.notNull().references("connections.id").onDelete("cascade"))
    .addColumn("trigger", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("running"))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("started_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("finished_at", "timestamptz")
    .addColumn("heartbeat_at", "timestamptz")
    // { [stream]: { read, created, updated, unchanged, deleted, failed, done } }
    .addColumn("counts", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("error_kind", "text")
    .addColumn("error_message", "text")
    .addCheckConstraint("sync_runs_status", sql`status in ('running', 'succeeded', 'failed', 'cancelled')`)
    .execute();
  await db.schema.createIndex("sync_runs_connection_time").on("sync_runs").columns(["connection_id", "started_at"]).execute();

  await db.schema
    .createTable("sync_errors")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("run_id", "uuid", (c) => c.notNull().references("sync_runs.id").onDelete("cascade"))
    .addColumn("stream", "text")
    .addColumn("remote_id", "text")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("message", "text", (c) => c.notNull())
    .addColumn("hint", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("sync_errors_run").on("sync_errors").column("run_id").execute();

  // The resumable position of each stream: saved in the same transaction as the batch it follows.
  await db.schema
    .createTable("stream_checkpoints")
    .addColumn("connection_id", "uuid", (c) => c.notNull().references("connections.id").onDelete("cascade"))
    .addColumn("stream", "text", (c) => c.notNull())
    .addColumn("run_id", "uuid", (c) => c.notNull().references("sync_runs.id").onDelete("cascade"))
    .addColumn("cursor", "text")
    .addColumn("done", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("stream_checkpoints_pk", ["connection_id", "stream"])
    .execute();

  // Remote ids read by a run, kept durably so a resumed run still knows what it saw
  // before a crash when it decides what was deleted. Emptied when the run ends.
  await db.schema
    .createTable("sync_seen")
    .addColumn("run_id", "uuid", (c) => c.notNull().references("sync_runs.id").onDelete("cascade"))
    .addColumn("stream", "text", (c) => c.notNull())
    .addColumn("remote_id", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sync_seen_run_stream").on("sync_seen").columns(["run_id", "stream"]).execute();

  await db.schema
    .createTable("change_log")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("connection_id", "uuid", (c) => c.notNull().references("connections.id").onDelete("cascade"))
    .addColumn("run_id", "uuid", (c) => c.references("sync_runs.id").onDelete("set null"))
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("remote_id", "text", (c) => c.notNull())
    .addColumn("change", "text", (c) => c.notNull())
    .addColumn("fields", "jsonb")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("change_log_record").on("change_log").columns(["connection_id", "entity", "remote_id"]).execute();
  await db.schema.createIndex("change_log_run").on("change_log").column("run_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["change_log", "sync_seen", "stream_checkpoints", "sync_errors", "sync_runs", "connections"]) {
    await db.schema.dropTable(table).execute();
  }
}
