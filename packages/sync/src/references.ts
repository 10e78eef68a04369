import { type Kysely, sql } from "@roster/db";
import type { TableInfo } from "./tables/index";

/**
 * Turns remote-id references into Roster ids, set-wise, once every page is in: a manager
 * who arrived on a later page (or in a later run) still links. Guarded so an unchanged
 * re-sync writes nothing. A reference to a record that does not exist becomes null.
 */
export async function resolveReferences(db: Kysely<any>, spec: TableInfo, connectionId: string): Promise<number> {
  let changed = 0;
  for (const ref of spec.references ?? []) {
    const table = sql.table(spec.table);
    const target = sql.table(ref.targetTable);
    const idColumn = sql.raw(ref.idColumn);
    const remoteColumn = sql.raw(ref.remoteColumn);
    const result = await sql`
      update ${table} e set ${idColumn} = r.target_id
      from (
        select s.id, x.id as target_id
        from ${table} s
        left join ${target} x on x.connection_id = s.connection_id and x.remote_id = s.${remoteColumn}
        where s.connection_id = ${connectionId}
      ) r
      where e.id = r.id and e.${idColumn} is distinct from r.target_id`.execute(db);
    changed += Number(result.numAffectedRows ?? 0);
  }
  return changed;
}
