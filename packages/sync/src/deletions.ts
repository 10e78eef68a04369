import type { ModelName } from "@roster/core";
import { type Db, sql } from "@roster/db";
import type { TableInfo } from "./tables/index";
import type { UpsertScope } from "./upsert";

/**
 * After a complete read: records of this connection stored before this run and not seen
 * by it are marked remote_deleted_at (never hard-deleted). A record this run created was
 * seen by it, so only older rows are candidates. Only called when the stream was read to
 * its last page, so a partial or failed read never marks anything.
 */
export async function markUnseenDeleted(db: Db, spec: TableInfo, stream: string, scope: UpsertScope): Promise<number> {
  const table = sql.table(spec.table);
  const { rows } = await sql<{ deleted: number }>`
    with gone as (
      update ${table} t set remote_deleted_at = now(), updated_at = now()
      where t.connection_id = ${scope.connectionId} and t.remote_deleted_at is null
        and t.created_at < (select started_at from sync_runs where id = ${scope.runId})
        and not exists (
          select 1 from sync_seen s
          where s.run_id = ${scope.runId} and s.stream = ${stream} and s.remote_id = t.remote_id
        )
      returning t.remote_id
    ),
    log as (
      insert into change_log (connection_id, run_id, entity, remote_id, change)
      select ${scope.connectionId}::uuid, ${scope.runId}::uuid, ${spec.model}, remote_id, 'deleted' from gone
    )
    select count(*)::int as deleted from gone`.execute(db);
  return rows[0]?.deleted ?? 0;
}

/**
 * Records the provider reported deleted (a changes read, or a named record it no longer has):
 * marked remote_deleted_at and logged, the live ones only. Never hard-deleted.
 */
export async function markDeleted<M extends ModelName>(
  db: Db,
  spec: TableInfo<M>,
  scope: UpsertScope,
  remoteIds: readonly string[],
): Promise<number> {
  if (remoteIds.length === 0) return 0;
  const table = sql.table(spec.table);
  const { rows } = await sql<{ deleted: number }>`
    with gone as (
      update ${table} t set remote_deleted_at = now(), updated_at = now()
      where t.connection_id = ${scope.connectionId} and t.remote_deleted_at is null
        and t.remote_id = any(${[...new Set(remoteIds)]}::text[])
      returning t.remote_id
    ),
    log as (
      insert into change_log (connection_id, run_id, entity, remote_id, change)
      select ${scope.connectionId}::uuid, ${scope.runId}::uuid, ${spec.model}, remote_id, 'deleted' from gone
    )
    select count(*)::int as deleted from gone`.execute(db);
  if (spec.model === "employees") await markRecordsOfDeletedPeople(db, scope, remoteIds);
  return rows[0]?.deleted ?? 0;
}

/** Tables whose rows belong to one person, through employee_remote_id. */
const PERSON_OWNED = [
  { table: "employments", model: "employments" },
  { table: "custom_field_values", model: "customFieldValues" },
] as const;

/**
 * A person the provider reports deleted takes their employments and custom-field values with
 * them: a changes read cannot name those rows (the provider only says the person is gone),
 * and leaving them live would keep a deleted person's job in the directory until the next
 * full read.
 */
async function markRecordsOfDeletedPeople(db: Db, scope: UpsertScope, people: readonly string[]): Promise<void> {
  for (const owned of PERSON_OWNED) {
    await sql`
      with gone as (
        update ${sql.table(owned.table)} t set remote_deleted_at = now(), updated_at = now()
        where t.connection_id = ${scope.connectionId} and t.remote_deleted_at is null
          and t.employee_remote_id = any(${[...new Set(people)]}::text[])
        returning t.remote_id
      )
      insert into change_log (connection_id, run_id, entity, remote_id, change)
      select ${scope.connectionId}::uuid, ${scope.runId}::uuid, ${owned.model}, remote_id, 'deleted' from gone`.execute(db);
  }
}

/** Live rows of this connection in the table; a read of zero records against many is suspicious. */
export async function liveRowCount(db: Db, spec: TableInfo, connectionId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from ${sql.table(spec.table)}
    where connection_id = ${connectionId} and remote_deleted_at is null`.execute(db);
  return rows[0]?.n ?? 0;
}

/**
 * Whether this connection has rows in the table from before the run began. When it has
 * none (a first load, or a table this connector never filled), nothing can be deleted by
 * absence, so the stream need not record the ids it saw: hundreds of thousands of
 * sync_seen rows saved on an initial sync. Decided from the run's start, not the attempt's,
 * so a resumed first load still skips them and still deletes nothing it created.
 */
export async function hasRowsFromBeforeRun(db: Db, spec: TableInfo, scope: UpsertScope): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    select exists (
      select 1 from ${sql.table(spec.table)}
      where connection_id = ${scope.connectionId}
        and created_at < (select started_at from sync_runs where id = ${scope.runId})
    ) as found`.execute(db);
  return rows[0]?.found ?? true;
}
