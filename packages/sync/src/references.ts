import { type Db, sql } from "@roster/db";
import type { TableInfo } from "./tables/index";

/**
 * Turns remote-id references into Roster ids, set-wise, once every page is in: a manager
 * who arrived on a later page (or in a later run) still links. All references of a table are
 * resolved in one statement, so each row is rewritten at most once, and only when one of its
 * links changed: an unchanged re-sync writes nothing. A reference to a record that does not
 * exist becomes null. A row whose link changes is modified (updated_at), as the API's
 * modified_after reads it.
 */
export async function resolveReferences(db: Db, spec: TableInfo, connectionId: string): Promise<number> {
  const refs = spec.references ?? [];
  if (refs.length === 0) return 0;
  const table = sql.table(spec.table);
  const joins = sql.join(
    refs.map(
      (ref, i) =>
        sql`left join ${sql.table(ref.targetTable)} ${sql.raw(`x${i}`)} on ${sql.raw(`x${i}`)}.connection_id = s.connection_id and ${sql.raw(`x${i}`)}.remote_id = s.${sql.raw(ref.remoteColumn)}`,
    ),
    sql` `,
  );
  const targets = sql.join(refs.map((ref, i) => sql.raw(`x${i}.id as ${ref.idColumn}`)));
  const assignments = sql.join(refs.map((ref) => sql.raw(`${ref.idColumn} = r.${ref.idColumn}`)));
  const current = sql.join(refs.map((ref) => sql.raw(`e.${ref.idColumn}`)));
  const resolved = sql.join(refs.map((ref) => sql.raw(`r.${ref.idColumn}`)));
  const result = await sql`
    update ${table} e set ${assignments}, updated_at = now()
    from (select s.id, ${targets} from ${table} s ${joins} where s.connection_id = ${connectionId}) r
    where e.id = r.id and (${current}) is distinct from (${resolved})`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
