import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // Every accepted provider webhook delivery, by the provider's unique delivery id: a second
  // delivery with the same id is a replay and is refused. Written in the same transaction as
  // the job it queues, so a delivery is recorded if and only if its work was queued.
  await db.schema
    .createTable("webhook_deliveries")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("connection_id", "uuid", (c) => c.notNull().references("connections.id").onDelete("cascade"))
    .addColumn("provider", "text", (c) => c.notNull())
    .addColumn("delivery_id", "text", (c) => c.notNull())
    .addColumn("event", "text", (c) => c.notNull())
    .addColumn("remote_id", "text")
    .addColumn("triggered_at", "timestamptz", (c) => c.notNull())
    .addColumn("job_queued", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("received_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("webhook_deliveries_connection_delivery", ["connection_id", "delivery_id"])
    .execute();
  await db.schema
    .createIndex("webhook_deliveries_received")
    .on("webhook_deliveries")
    .columns(["connection_id", "received_at"])
    .execute();

  // The "secret story" of each hire sent to the HRIS: one row per attempt chain (the attempts
  // until one succeeds), with what was sent (no file bytes), the outcome and the HRIS's id.
  await db.schema
    .createTable("hire_transfers")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("organisation_id", "uuid", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("connection_id", "uuid", (c) => c.notNull().references("connections.id").onDelete("cascade"))
    .addColumn("opportunity_id", "text", (c) => c.notNull())
    .addColumn("candidate_name", "text")
    .addColumn("stage", "text")
    .addColumn("trigger", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending"))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("summary", "jsonb")
    .addColumn("error", "text")
    .addColumn("zenefits_candidate_id", "text")
    .addColumn("failure_notified", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_attempt_at", "timestamptz")
    .addColumn("succeeded_at", "timestamptz")
    .addCheckConstraint("hire_transfers_status", sql`status in ('pending', 'succeeded', 'failed')`)
    .addCheckConstraint("hire_transfers_trigger", sql`trigger in ('webhook', 'reconcile', 'manual')`)
    .addCheckConstraint("hire_transfers_stage", sql`stage is null or stage in ('hired', 'offer')`)
    .execute();
  // At most one unfinished chain per candidate: retries continue it instead of adding rows.
  await db.schema
    .createIndex("hire_transfers_open_chain")
    .unique()
    .on("hire_transfers")
    .columns(["connection_id", "opportunity_id"])
    .where(sql.ref("status"), "<>", "succeeded")
    .execute();
  await db.schema
    .createIndex("hire_transfers_candidate")
    .on("hire_transfers")
    .columns(["connection_id", "opportunity_id"])
    .execute();
  await db.schema
    .createIndex("hire_transfers_org_time")
    .on("hire_transfers")
    .columns(["organisation_id", "created_at"])
    .execute();

  // Up to when reconciliation has looked for hires, per connection (webhooks that never came).
  await db.schema
    .createTable("hire_reconcile_state")
    .addColumn("connection_id", "uuid", (c) => c.primaryKey().references("connections.id").onDelete("cascade"))
    .addColumn("checked_until", "timestamptz", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("hire_reconcile_state").execute();
  await db.schema.dropTable("hire_transfers").execute();
  await db.schema.dropTable("webhook_deliveries").execute();
}
