import type pg from "pg";
import type { Employee } from "./client";

/** The local copy: the columns this consumer needs, keyed by Roster's employee id. */
export async function createMirrorTables(db: pg.Pool): Promise<void> {
  await db.query(`
    create table if not exists mirror_employees (
      id uuid primary key,
      remote_id text not null,
      display_name text not null,
      work_email text,
      status text,
      department_id uuid,
      manager_id uuid,
      modified_at timestamptz not null,
      deleted boolean not null
    );
    -- status null: Roster does not know it (the provider did not say).
    -- Webhook ids already applied: a redelivered event is recognised and skipped.
    create table if not exists mirror_events (id text primary key, received_at timestamptz not null default now());`);
}

/** Writes people set-wise; an older copy never overwrites a newer one (modified_at decides). */
export async function upsertEmployees(db: pg.Pool | pg.PoolClient, people: readonly Employee[]): Promise<void> {
  if (people.length === 0) return;
  await db.query(
    `insert into mirror_employees (id, remote_id, display_name, work_email, status, department_id, manager_id, modified_at, deleted)
     select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::uuid[], $8::timestamptz[], $9::boolean[])
     on conflict (id) do update set remote_id = excluded.remote_id, display_name = excluded.display_name,
       work_email = excluded.work_email, status = excluded.status, department_id = excluded.department_id,
       manager_id = excluded.manager_id, modified_at = excluded.modified_at, deleted = excluded.deleted
     where mirror_employees.modified_at <= excluded.modified_at`,
    [
      people.map((p) => p.id),
      people.map((p) => p.remote_id),
      people.map((p) => p.display_name),
      people.map((p) => p.work_email),
      people.map((p) => p.status),
      people.map((p) => p.department_id),
      people.map((p) => p.manager_id),
      people.map((p) => p.modified_at),
      people.map((p) => p.remote_deleted_at !== null),
    ],
  );
}
