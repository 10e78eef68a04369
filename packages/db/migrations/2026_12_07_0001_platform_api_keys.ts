import { type Kysely, sql } from "kysely";

// Platform API keys: deployment-level keys for a product that runs many organisations from its
// own backend. Each request names the organisation it acts on; the audit log says a platform key did it.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("platform_api_keys")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("prefix", "text", (c) => c.notNull())
    .addColumn("key_hash", "text", (c) => c.notNull().unique())
    .addColumn("scopes", sql`text[]`, (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_used_at", "timestamptz")
    .addColumn("revoked_at", "timestamptz")
    .execute();
  // Set on the rows a platform key caused; kept when the key is deleted so the trail stays attributable.
  await db.schema
    .alterTable("audit_log")
    .addColumn("actor_platform_key_id", "uuid", (c) => c.references("platform_api_keys.id").onDelete("set null"))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("audit_log").dropColumn("actor_platform_key_id").execute();
  await db.schema.dropTable("platform_api_keys").execute();
}
