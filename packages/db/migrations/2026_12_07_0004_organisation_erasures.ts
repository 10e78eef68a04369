import { type Kysely, sql } from "kysely";

// Deleting an organisation through the API: it is deactivated at once and erased after a grace
// period. This record outlives the organisation (no foreign key), so that the erasure is on file.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("organisation_erasures")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("organisation_id", "uuid", (c) => c.notNull())
    .addColumn("organisation_name", "text", (c) => c.notNull())
    .addColumn("external_ref", "text")
    .addColumn("requested_by_platform_key_id", "uuid", (c) => c.references("platform_api_keys.id").onDelete("set null"))
    .addColumn("requested_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("erase_after", "timestamptz", (c) => c.notNull())
    .addColumn("cancelled_at", "timestamptz")
    .addColumn("erased_at", "timestamptz")
    .execute();
  // At most one pending erasure per organisation.
  await sql`create unique index organisation_erasures_pending on organisation_erasures (organisation_id)
    where erased_at is null and cancelled_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("organisation_erasures").execute();
}
