import { type Kysely, sql } from "kysely";

// A field a token may not read is unknown, not empty: a person's status can be unknown too,
// and what a connection no longer keeps current (a field, or a whole collection '*') is listed
// per connection, with since when and the permission that would bring it back.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("employees")
    .alterColumn("status", (c) => c.dropNotNull())
    .execute();
  await db.schema.alterTable("employees").addColumn("hire_date", "date").execute();

  await db.schema
    .createTable("connection_stale_fields")
    .addColumn("connection_id", "uuid", (c) => c.notNull().references("connections.id").onDelete("cascade"))
    .addColumn("stream", "text", (c) => c.notNull())
    .addColumn("model", "text", (c) => c.notNull())
    .addColumn("field", "text", (c) => c.notNull())
    .addColumn("permission", "text", (c) => c.notNull())
    .addColumn("since", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("since_run_id", "uuid", (c) => c.references("sync_runs.id").onDelete("set null"))
    // True when it was kept current before (a permission lost), false when never granted.
    .addColumn("lost", "boolean", (c) => c.notNull())
    .addPrimaryKeyConstraint("connection_stale_fields_pk", ["connection_id", "stream", "field"])
    .execute();

  await db.schema
    .alterTable("sync_runs")
    // What this run did not keep current, and what it found lost or restored since the run before.
    .addColumn("stale", "jsonb")
    .addColumn("permission_change", "jsonb")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("sync_runs").dropColumn("permission_change").dropColumn("stale").execute();
  await db.schema.dropTable("connection_stale_fields").execute();
  await db.schema.alterTable("employees").dropColumn("hire_date").execute();
  await sql`update employees set status = 'inactive' where status is null`.execute(db);
  await db.schema
    .alterTable("employees")
    .alterColumn("status", (c) => c.setNotNull())
    .execute();
}
