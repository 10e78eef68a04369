import type { ModelName, Models } from "@roster/core";
import { type Kysely, sql } from "@roster/db";
import type { ColumnType, TableSpec } from "./tables/index";

export interface UpsertScope {
  organisationId: string;
  connectionId: string;
  runId: string;
}

export interface UpsertResult {
  created: number;
  updated: number;
  unchanged: number;
}

const arrayType: Record<ColumnType, string> = {
  text: "text[]",
  date: "text[]",
  jsonb: "text[]",
  timestamptz: "text[]",
  boolean: "boolean[]",
};

const cast: Record<ColumnType, string> = {
  text: "",
  date: "::date",
  jsonb: "::jsonb",
  timestamptz: "::timestamptz",
  boolean: "",
};

/**
 * Writes one batch of unified records set-wise, in one statement:
 * `INSERT … SELECT FROM unnest(…) ON CONFLICT DO UPDATE … WHERE (…) IS DISTINCT FROM (…)`
 * (shared/design/performance.md: ~28× row-by-row, no bind-parameter cap, and the guard
 * makes an unchanged re-sync write zero row versions). The same statement logs which
 * fields changed per updated or restored record into change_log; creations are counted
 * on the run rather than logged one by one.
 */
export async function upsertBatch<M extends ModelName>(
  db: Kysely<any>,
  spec: TableSpec<M>,
  records: Models[M][],
  scope: UpsertScope,
): Promise<UpsertResult> {
  if (records.length === 0) return { created: 0, updated: 0, unchanged: 0 };
  const columns = spec.columns;
  const arrays = columns.map((c) => records.map((r) => (c.value(r) ?? null) as unknown));
  const ident = (name: string) => sql.ref(name);
  const unnestArgs = sql.join(columns.map((c, i) => sql`${arrays[i]}::${sql.raw(arrayType[c.type])}`));
  const names = sql.join(columns.map((c) => ident(c.column)));
  const castInput = (alias: string) => sql.join(columns.map((c) => sql.raw(`${alias}.${c.column}${cast[c.type]}`)));
  const compared = columns.filter((c) => c.column !== "remote_id");
  const setList = sql.join(compared.map((c) => sql.raw(`${c.column} = excluded.${c.column}`)));
  const targetTuple = sql.join(compared.map((c) => sql.raw(`t.${c.column}`)));
  const excludedTuple = sql.join(compared.map((c) => sql.raw(`excluded.${c.column}`)));
  const changedFields = sql.join(
    compared.map((c) => sql.raw(`case when p.${c.column} is distinct from i.${c.column}${cast[c.type]} then '${c.column}' end`)),
  );
  const table = sql.table(spec.table);

  const { rows } = await sql<{ created: number; updated: number }>`
    with input as (
      select * from unnest(${unnestArgs}) as i(${names})
    ),
    prev as (
      select t.* from ${table} t
      where t.connection_id = ${scope.connectionId} and t.remote_id in (select remote_id from input)
    ),
    up as (
      insert into ${table} as t (organisation_id, connection_id, ${names})
      select ${scope.organisationId}::uuid, ${scope.connectionId}::uuid, ${castInput("i")} from input i
      on conflict (connection_id, remote_id) do update
        set ${setList}, remote_deleted_at = null, updated_at = now()
        where (${targetTuple}, t.remote_deleted_at) is distinct from (${excludedTuple}, null::timestamptz)
      returning t.remote_id, (t.xmax = 0) as inserted
    ),
    log as (
      insert into change_log (connection_id, run_id, entity, remote_id, change, fields)
      select ${scope.connectionId}::uuid, ${scope.runId}::uuid, ${spec.model}, up.remote_id,
        case when p.remote_deleted_at is not null then 'restored' else 'updated' end,
        to_jsonb(array_remove(array[${changedFields}], null))
      from up
      join input i on i.remote_id = up.remote_id
      join prev p on p.remote_id = up.remote_id
      where not up.inserted
    )
    select
      (count(*) filter (where inserted))::int as created,
      (count(*) filter (where not inserted))::int as updated
    from up`.execute(db);
  const created = rows[0]?.created ?? 0;
  const updated = rows[0]?.updated ?? 0;
  return { created, updated, unchanged: records.length - created - updated };
}
