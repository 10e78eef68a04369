import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("candidates")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("organisation_id", "uuid", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("connection_id", "uuid", (c) => c.notNull().references("connections.id").onDelete("cascade"))
    .addColumn("remote_id", "text", (c) => c.notNull())
    .addColumn("first_name", "text")
    .addColumn("last_name", "text")
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("email", "text")
    .addColumn("phone", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("stage_id", "text")
    .addColumn("stage_name", "text")
    .addColumn("job_title", "text")
    .addColumn("job_location", "text")
    .addColumn("hired_at", "timestamptz")
    .addColumn("archived_at", "timestamptz")
    .addColumn("remote_data", "jsonb", (c) => c.notNull())
    .addColumn("remote_updated_at", "timestamptz")
    .addColumn("remote_deleted_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("candidates_connection_remote", ["connection_id", "remote_id"])
    .addCheckConstraint("candidates_status", sql`status in ('active', 'offer', 'hired', 'archived')`)
    .execute();
  await db.schema.createIndex("candidates_org_status").on("candidates").columns(["organisation_id", "status"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("candidates").execute();
}
