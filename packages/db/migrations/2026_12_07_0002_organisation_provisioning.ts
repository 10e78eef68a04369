import { type Kysely, sql } from "kysely";

// Organisations a platform provisions: its own customer id (unique, so creating twice is one
// organisation), and deactivation (syncs stop, data stays).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("organisations")
    .addColumn("external_ref", "text", (c) => c.unique())
    .addColumn("deactivated_at", "timestamptz")
    .execute();
  await sql`alter table organisations add constraint organisations_external_ref_length check (char_length(external_ref) between 1 and 200)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("organisations").dropColumn("deactivated_at").dropColumn("external_ref").execute();
}
