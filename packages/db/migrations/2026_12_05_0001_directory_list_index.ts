import { type Kysely, sql } from "kysely";

// The people list reads its page by walking (organisation_id, display_name, id) and filtering
// on search, status and deletion. Employee rows are wide (the provider's remote_data inline),
// about five to a heap page, so each filtered-out row cost a heap page read: a search for a
// rare name read thousands of pages per request. With the filtered and shown columns
// included, the page is an index-only scan over a narrow index that stays in memory.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index employees_list on employees (organisation_id, display_name, id)
    include (search_text, status, remote_deleted_at, department_id, location_id, work_email, job_title)`.execute(db);
  await db.schema.dropIndex("employees_org_name").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("employees_org_name").on("employees").columns(["organisation_id", "display_name", "id"]).execute();
  await db.schema.dropIndex("employees_list").execute();
}
