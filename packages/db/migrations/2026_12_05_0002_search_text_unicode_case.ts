import { type Kysely, sql } from "kysely";

// search_text was lower()ed with the database's collation: under the C locale (the embedded
// server's, and a common server default) that folds ASCII only, so "łukasz" missed "Łukasz"
// and "özil" missed "ÖZIL". The search box lowercases with JavaScript's full Unicode rules;
// ICU's root locale folds the same way on every server, whatever its default collation.
// (PostgreSQL 16 and later build with ICU unless told not to.)
const expression = (collation: string | null) => {
  const folded = sql.raw(
    "coalesce(display_name, '') || ' ' || coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(work_email, '') || ' ' || coalesce(personal_email, '')",
  );
  return collation ? sql`lower((${folded}) collate ${sql.id(collation)})` : sql`lower(${folded})`;
};

async function rebuildSearchText(db: Kysely<any>, collation: string | null): Promise<void> {
  // Dropping the generated column drops the two indexes that read it; both are rebuilt.
  await sql`alter table employees drop column search_text`.execute(db);
  await sql`alter table employees add column search_text text generated always as (${expression(collation)}) stored`.execute(db);
  await sql`create index employees_search on employees using gin (search_text gin_trgm_ops)`.execute(db);
  await sql`create index employees_list on employees (organisation_id, display_name, id)
    include (search_text, status, remote_deleted_at, department_id, location_id, work_email, job_title)`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  const { rows } = await sql<{ icu: boolean }>`
    select exists (select 1 from pg_collation where collname = 'und-x-icu') as icu`.execute(db);
  // Without ICU the column keeps the server's own lower(): correct for ASCII, as before.
  await rebuildSearchText(db, rows[0]?.icu ? "und-x-icu" : null);
}

export async function down(db: Kysely<any>): Promise<void> {
  await rebuildSearchText(db, null);
}
