import { type Kysely, sql } from "kysely";

// A search gathers its matches through a trigram index and must then read every match's row to
// recheck it. On employees those rows are wide (remote data, every field): a common name's few
// thousand matches meant as many heap pages. employee_search holds only what a search reads, so
// the same matches sit on a fraction of the pages; and employees no longer maintains a trigram
// index on every new row version, only this table does, when a name or email changes.
//
// Triggers keep it in step inside the writer's own transaction, whatever writes employees (a
// sync's COPY or upsert, an erasure, a test fixture):
// - inserts per statement, from the statement's new rows (a first load COPYs 1,000 at a time);
// - updates per row, queued only when a searched column changed (most updates change none);
// - deletes per row (erasures only: the sync marks people deleted, it never deletes them).

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table employee_search (
    employee_id uuid primary key,
    organisation_id uuid not null,
    display_name text not null,
    search_text text not null
  )`.execute(db);

  await sql`create function employee_search_insert() returns trigger language plpgsql as $$
    begin
      insert into employee_search (employee_id, organisation_id, display_name, search_text)
      select id, organisation_id, display_name, search_text from inserted_employees;
      return null;
    end $$`.execute(db);
  await sql`create function employee_search_update() returns trigger language plpgsql as $$
    begin
      update employee_search
        set organisation_id = new.organisation_id, display_name = new.display_name, search_text = new.search_text
        where employee_id = new.id;
      return null;
    end $$`.execute(db);
  await sql`create function employee_search_delete() returns trigger language plpgsql as $$
    begin
      delete from employee_search where employee_id = old.id;
      return null;
    end $$`.execute(db);
  await sql`create function employee_search_truncate() returns trigger language plpgsql as $$
    begin
      truncate employee_search;
      return null;
    end $$`.execute(db);

  await sql`create trigger employee_search_insert after insert on employees
    referencing new table as inserted_employees
    for each statement execute function employee_search_insert()`.execute(db);
  await sql`create trigger employee_search_update after update on employees
    for each row when ((old.organisation_id, old.display_name, old.search_text)
      is distinct from (new.organisation_id, new.display_name, new.search_text))
    execute function employee_search_update()`.execute(db);
  await sql`create trigger employee_search_delete after delete on employees
    for each row execute function employee_search_delete()`.execute(db);
  await sql`create trigger employee_search_truncate after truncate on employees
    for each statement execute function employee_search_truncate()`.execute(db);

  await sql`insert into employee_search (employee_id, organisation_id, display_name, search_text)
    select id, organisation_id, display_name, search_text from employees`.execute(db);
  await sql`create index employee_search_trigrams on employee_search using gin (search_text gin_trgm_ops)`.execute(db);
  await sql`drop index employees_search`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`create index employees_search on employees using gin (search_text gin_trgm_ops)`.execute(db);
  for (const event of ["insert", "update", "delete", "truncate"]) {
    await sql`drop trigger ${sql.raw(`employee_search_${event}`)} on employees`.execute(db);
    await sql`drop function ${sql.raw(`employee_search_${event}`)}()`.execute(db);
  }
  await sql`drop table employee_search`.execute(db);
}
