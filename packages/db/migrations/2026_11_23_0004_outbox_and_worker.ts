import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // Written in the same transaction as the state change that causes the email;
  // a job delivers it, so a crash never loses or doubles a notification.
  await db.schema
    .createTable("email_outbox")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("organisation_id", "uuid", (c) => c.references("organisations.id").onDelete("cascade"))
    .addColumn("connection_id", "uuid", (c) => c.references("connections.id").onDelete("set null"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("to", sql`text[]`, (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("text_body", "text", (c) => c.notNull())
    .addColumn("html_body", "text", (c) => c.notNull())
    .addColumn("dedupe_key", "text", (c) => c.unique())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending"))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("sent_at", "timestamptz")
    .addCheckConstraint("email_outbox_status", sql`status in ('pending', 'sent', 'failed')`)
    .execute();
  await db.schema
    .createIndex("email_outbox_pending")
    .on("email_outbox")
    .column("created_at")
    .where(sql.ref("status"), "=", "pending")
    .execute();
  await db.schema.createIndex("email_outbox_connection").on("email_outbox").columns(["connection_id", "created_at"]).execute();

  await db.schema
    .createTable("worker_heartbeats")
    .addColumn("worker_id", "text", (c) => c.primaryKey())
    .addColumn("started_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_seen_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("worker_heartbeats").execute();
  await db.schema.dropTable("email_outbox").execute();
}
