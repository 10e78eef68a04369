import { type Kysely, sql } from "kysely";

// "Webhook endpoint failing" is about one of the organisation's webhook endpoints, not a
// connection: such an issue names its endpoint instead, one open issue per endpoint.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table integration_issues alter column connection_id drop not null`.execute(db);
  await db.schema
    .alterTable("integration_issues")
    .addColumn("webhook_endpoint_id", "uuid", (c) => c.references("webhook_endpoints.id").onDelete("cascade"))
    .execute();
  await sql`alter table integration_issues add constraint integration_issues_subject check (
    case when problem = 'webhook_failing' then webhook_endpoint_id is not null and connection_id is null
    else connection_id is not null and webhook_endpoint_id is null end)`.execute(db);
  await sql`create unique index integration_issues_open_endpoint on integration_issues (webhook_endpoint_id)
    where resolved_at is null and webhook_endpoint_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from integration_issues where webhook_endpoint_id is not null`.execute(db);
  await sql`alter table integration_issues drop constraint integration_issues_subject`.execute(db);
  await db.schema.alterTable("integration_issues").dropColumn("webhook_endpoint_id").execute();
  await sql`alter table integration_issues alter column connection_id set not null`.execute(db);
}
