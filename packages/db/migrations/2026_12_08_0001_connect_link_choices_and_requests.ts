import { type Kysely, sql } from "kysely";

// Connect links that offer a choice of connectors (connector_ids, the one picked is the
// connection's), and links an owner sends from the dashboard to whoever holds the provider's
// admin rights: who asked, to whom it went, no return URL (the page itself says "connected"),
// and revocation.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("connect_links").addColumn("connector_ids", sql`text[]`).execute();
  await sql`update connect_links set connector_ids = array[connector_id]`.execute(db);
  await sql`alter table connect_links
    alter column connector_ids set not null,
    add constraint connect_links_connector_ids_not_empty check (cardinality(connector_ids) between 1 and 20),
    drop column connector_id,
    alter column return_url drop not null`.execute(db);
  await db.schema
    .alterTable("connect_links")
    .addColumn("created_by_user_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("sent_to", "text")
    .addColumn("revoked_at", "timestamptz")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("connect_links")
    .dropColumn("revoked_at")
    .dropColumn("sent_to")
    .dropColumn("created_by_user_id")
    .addColumn("connector_id", "text")
    .execute();
  await sql`update connect_links set connector_id = connector_ids[1], return_url = coalesce(return_url, '')`.execute(db);
  await sql`alter table connect_links
    alter column connector_id set not null,
    alter column return_url set not null,
    drop column connector_ids`.execute(db);
}
