import { type Kysely, sql } from "@roster/db";
import type { TableInfo } from "./tables/index";
import type { UpsertScope } from "./upsert";

/**
 * After a complete read: records of this connection not seen by this run are marked
 * remote_deleted_at (never hard-deleted). Only called when the stream was read to its
 * last page, so a partial or failed read never marks anything.
 */
export async function markUnseenDeleted(db: Kysely<any>, spec: TableInfo, stream: string, scope: UpsertScope): Promise<number> {
  const table = sql.table(spec.table);
  const { rows } = await sql<{ deleted: number }>`
    with gone as (
      update ${table} t set remote_deleted_at = now(), updated_at = now()
      where t.connection_id = ${scope.connectionId} and t.remote_deleted_at is null
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

/** Live rows of this connection in the table; a read of zero records against many is suspicious. */
export async function liveRowCount(db: Kysely<any>, spec: TableInfo, connectionId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from ${sql.table(spec.table)}
    where connection_id = ${connectionId} and remote_deleted_at is null`.execute(db);
  return rows[0]?.n ?? 0;
}
