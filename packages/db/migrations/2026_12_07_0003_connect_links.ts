import { type Kysely, sql } from "kysely";

// Connect links: a single-use, expiring URL that lets a customer's admin connect one HRIS to one
// organisation without a Roster account. Only the token's SHA-256 is kept.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("connect_links")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("organisation_id", "uuid", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("connector_id", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("return_url", "text", (c) => c.notNull())
    .addColumn("allowed_origins", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("brand_name", "text")
    .addColumn("brand_logo_url", "text")
    .addColumn("brand_colour", "text")
    // Exactly one of the two made it.
    .addColumn("created_by_api_key_id", "uuid", (c) => c.references("api_keys.id").onDelete("set null"))
    .addColumn("created_by_platform_key_id", "uuid", (c) => c.references("platform_api_keys.id").onDelete("set null"))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    // Set while a connect is under way and kept once it succeeded: the link cannot be used again.
    .addColumn("used_at", "timestamptz")
    .addColumn("connection_id", "uuid", (c) => c.references("connections.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("connect_links_organisation")
    .on("connect_links")
    .columns(["organisation_id", "created_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("connect_links").execute();
}
