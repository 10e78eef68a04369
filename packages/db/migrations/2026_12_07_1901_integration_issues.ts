import { type Kysely, sql } from "kysely";

// Open problems per connection (token rejected, permission lost, provider unreachable, export
// failed), opened and resolved from sync and export outcomes; owners may snooze one.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("integration_issues")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("organisation_id", "uuid", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("connection_id", "uuid", (c) => c.notNull().references("connections.id").onDelete("cascade"))
    .addColumn("problem", "text", (c) => c.notNull())
    .addColumn("detail", "text")
    .addColumn("occurrences", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("first_seen_at", "timestamptz", (c) => c.notNull())
    .addColumn("last_seen_at", "timestamptz", (c) => c.notNull())
    .addColumn("last_run_id", "uuid")
    .addColumn("resolved_at", "timestamptz")
    .addColumn("snoozed_until", "timestamptz")
    .addColumn("snoozed_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addCheckConstraint(
      "integration_issues_problem",
      sql`problem in ('token_rejected', 'permission_lost', 'provider_unreachable', 'export_failed', 'webhook_failing')`,
    )
    .execute();
  // One open issue per problem per connection; resolved ones stay as history.
  await sql`create unique index integration_issues_open on integration_issues (connection_id, problem) where resolved_at is null`.execute(
    db,
  );
  await db.schema
    .createIndex("integration_issues_organisation")
    .on("integration_issues")
    .columns(["organisation_id", "last_seen_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("integration_issues").execute();
}
