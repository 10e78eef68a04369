import { type Kysely, sql } from "kysely";

// Change webhooks: endpoints, the outbox of non-record events, deliveries, and the fan-out's
// position in its two sources (change_log for records, event_outbox for the rest).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("webhook_endpoints")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("organisation_id", "uuid", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("events", sql`text[]`, (c) => c.notNull())
    // AES-256-GCM, bound to the row: it must be recovered to sign each delivery.
    .addColumn("secret_encrypted", "text", (c) => c.notNull())
    .addColumn("enabled", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("created_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("webhook_endpoints_organisation").on("webhook_endpoints").column("organisation_id").execute();

  // The transaction id of the writer, so the fan-out reads only rows whose transaction has ended
  // (ids from a sequence are handed out in one order and committed in another).
  await sql`alter table change_log add column xid xid8 not null default pg_current_xact_id()`.execute(db);
  await sql`create index change_log_fanout on change_log (xid, id)`.execute(db);

  // Non-record events (sync.*, connection.*, hire.*), written in the transaction of the change.
  await db.schema
    .createTable("event_outbox")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("xid", sql`xid8`, (c) => c.notNull().defaultTo(sql`pg_current_xact_id()`))
    .addColumn("organisation_id", "uuid", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("connection_id", "uuid", (c) => c.references("connections.id").onDelete("set null"))
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("ordering_key", "text", (c) => c.notNull())
    .addColumn("data", "jsonb", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index event_outbox_fanout on event_outbox (xid, id)`.execute(db);
  await db.schema.createIndex("event_outbox_connection").on("event_outbox").columns(["connection_id", "id"]).execute();

  // One row per event and endpoint: the exact body signed, and how its delivery went.
  await db.schema
    .createTable("event_deliveries")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("endpoint_id", "uuid", (c) => c.notNull().references("webhook_endpoints.id").onDelete("cascade"))
    .addColumn("organisation_id", "uuid", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("event_id", "text", (c) => c.notNull())
    .addColumn("event_type", "text", (c) => c.notNull())
    .addColumn("ordering_key", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending"))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_status_code", "integer")
    .addColumn("last_error", "text")
    .addColumn("last_attempt_at", "timestamptz")
    .addColumn("delivered_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("event_deliveries_status", sql`status in ('pending', 'delivered', 'failed')`)
    .addUniqueConstraint("event_deliveries_endpoint_event", ["endpoint_id", "event_id"])
    .execute();
  await db.schema.createIndex("event_deliveries_log").on("event_deliveries").columns(["endpoint_id", "id"]).execute();
  // "Is an earlier event of the same record still waiting?": the per-record order check.
  await sql`create index event_deliveries_pending on event_deliveries (endpoint_id, ordering_key, id) where status = 'pending'`.execute(
    db,
  );

  // Where the fan-out is in each source: every row at or before (xid, id) has been fanned out.
  await db.schema
    .createTable("event_fanout_state")
    .addColumn("source", "text", (c) => c.primaryKey())
    .addColumn("after_xid", sql`xid8`, (c) => c.notNull())
    .addColumn("after_id", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // History before this migration has no endpoint to go to: start after it.
  await sql`insert into event_fanout_state (source, after_xid, after_id)
    values ('change_log', pg_current_xact_id(), coalesce((select max(id) from change_log), 0)),
           ('event_outbox', pg_current_xact_id(), 0)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("event_fanout_state").execute();
  await db.schema.dropTable("event_deliveries").execute();
  await db.schema.dropTable("event_outbox").execute();
  await sql`drop index change_log_fanout`.execute(db);
  await sql`alter table change_log drop column xid`.execute(db);
  await db.schema.dropTable("webhook_endpoints").execute();
}
