import { type Db, sql } from "@roster/db";
import type { TableInfo } from "./tables/index";

/**
 * Links the references left dangling, set-wise, once every page is in: a manager who arrived
 * on a later page (or in a later run) still links. Both write paths link a row as they write
 * it (upsert.ts, direct-copy.ts) and set a link's id with its remote id, so a link can only be
 * behind where its remote id is set and its id is not: only those rows are looked at, each
 * link one index probe, so a first load whose links all resolved as it wrote reads no target
 * and rewrites nothing, whatever the statistics say. All references of a row are resolved in
 * one statement, so it is rewritten at most once; one whose target is still missing stays
 * null. A row whose link changes is modified (updated_at), as the API's modified_after reads it.
 */
export async function resolveReferences(db: Db, spec: TableInfo, connectionId: string): Promise<number> {
  const refs = spec.references ?? [];
  if (refs.length === 0) return 0;
  const table = sql.table(spec.table);
  const dangling = sql.join(
    refs.map((ref) => sql`(s.${sql.ref(ref.remoteColumn)} is not null and s.${sql.ref(ref.idColumn)} is null)`),
    sql` or `,
  );
  const targets = sql.join(
    refs.map(
      (ref) =>
        sql`(select x.id from ${sql.table(ref.targetTable)} x where x.connection_id = s.connection_id and x.remote_id = s.${sql.ref(ref.remoteColumn)}) as ${sql.ref(ref.idColumn)}`,
    ),
  );
  const assignments = sql.join(refs.map((ref) => sql.raw(`${ref.idColumn} = r.${ref.idColumn}`)));
  const current = sql.join(refs.map((ref) => sql.raw(`e.${ref.idColumn}`)));
  const resolved = sql.join(refs.map((ref) => sql.raw(`r.${ref.idColumn}`)));
  const result = await sql`
    update ${table} e set ${assignments}, updated_at = now()
    from (select s.id, ${targets} from ${table} s where s.connection_id = ${connectionId} and (${dangling}) offset 0) r
    where e.id = r.id and (${current}) is distinct from (${resolved})`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
