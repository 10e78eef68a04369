import { type Kysely, sql } from "kysely";

// The public API (/api/v1): per-organisation API keys, and the indexes its lists walk.
export async function up(db: Kysely<any>): Promise<void> {
  // A key is shown once; only its SHA-256 is kept (a 256-bit random key needs no slow hash).
  await db.schema
    .createTable("api_keys")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("organisation_id", "uuid", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    // The key's first characters, to recognise it in lists and in leaked text.
    .addColumn("prefix", "text", (c) => c.notNull())
    .addColumn("key_hash", "text", (c) => c.notNull().unique())
    .addColumn("scopes", sql`text[]`, (c) => c.notNull())
    .addColumn("created_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_used_at", "timestamptz")
    .addColumn("revoked_at", "timestamptz")
    .addColumn("revoked_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .execute();
  await db.schema.createIndex("api_keys_organisation").on("api_keys").columns(["organisation_id", "created_at"]).execute();

  // Every list of the API is a keyset walk in id order: the one order a concurrent sync cannot
  // move a record in (an update keeps its id), so an export neither skips nor repeats anyone.
  await sql`create index employees_api_walk on employees (organisation_id, id)`.execute(db);
  await sql`create index employees_api_modified on employees (organisation_id, updated_at)`.execute(db);
  await sql`create index employees_api_work_email on employees (organisation_id, work_email_normalized)`.execute(db);
  await sql`create index employments_api_walk on employments (organisation_id, id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of ["employments_api_walk", "employees_api_work_email", "employees_api_modified", "employees_api_walk"]) {
    await db.schema.dropIndex(index).execute();
  }
  await db.schema.dropTable("api_keys").execute();
}
