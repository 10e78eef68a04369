import { createHash } from "node:crypto";
import type { ModelName, Models } from "@roster/core";
import { type Db, sql } from "@roster/db";
import { copyField, copyFields, replaceFields } from "./copy-text";
import { type DirectCopyPlan, planDirectCopy } from "./direct-copy";
import type { EmployeeDateColumn, EmployeeDates } from "./employee-dates";
import type { TableSpec } from "./tables/index";

export interface UpsertScope {
  organisationId: string;
  connectionId: string;
  runId: string;
}

export interface UpsertOptions<M extends ModelName = ModelName> {
  /**
   * Log which fields changed per updated record (change_log). A first load has no earlier
   * version to compare with, so the engine turns it off there and skips that work.
   */
  logChanges: boolean;
  /**
   * Each record's columns already in COPY's text format (copyFields), in the records' order.
   * The engine encodes records as it reads them, so a write only waits on PostgreSQL. Given
   * these, a record is read for nothing but its remote id and its links' remote ids (the engine
   * keeps no more of it: write-batch.ts, keptForWrite).
   */
  encoded?: readonly string[];
  /**
   * Columns an update leaves as stored (unknown-fields.ts: fields the token cannot read or the
   * stream omits). They are neither compared, written nor logged; a new row gets them as mapped.
   */
  keep?: ReadonlySet<string>;
  /**
   * The person's dates the people stream omits (employee-dates.ts). A batch COPYed straight
   * into the table takes them from the employments already stored, so the pass after the
   * streams rewrites only the people whose employments came later: on a first load that pass
   * would otherwise write every person a second time, every index of the table with it.
   */
  datesFromEmployments?: readonly EmployeeDateColumn[];
  /**
   * The direct copy's questions about this batch, already answered (planDirectCopy): the
   * engine asks them on another connection while the batch before is written.
   */
  plan?: DirectCopyPlan<M>;
}

export interface UpsertResult {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Writes one batch of unified records set-wise. A batch none of whose records is stored yet
 * (a first load's, a new stream's, a run of new hires) is COPYed straight into its table, as
 * fast as a write can be (direct-copy.ts). Any other is COPYed into a session-local staging
 * table, then one statement `INSERT … SELECT FROM stage ON CONFLICT DO UPDATE … WHERE (…) IS
 * DISTINCT FROM (…)` merges it (shared/design/performance.md: COPY→stage is the fastest upsert
 * measured; the guard makes an unchanged re-sync write zero row versions). With logChanges,
 * change_log gets each record created and which fields changed per updated or restored
 * record; a first load logs nothing (its creations are counted on the run).
 * Runs in the caller's transaction, or in its own when given a bare pool.
 */
export async function upsertBatch<M extends ModelName>(
  db: Db,
  spec: TableSpec<M>,
  records: Models[M][],
  scope: UpsertScope,
  options: UpsertOptions<M> = { logChanges: true },
): Promise<UpsertResult> {
  if (records.length === 0) return { created: 0, updated: 0, unchanged: 0 };
  if (!db.isTransaction) return db.transaction().execute((trx) => upsertBatch(trx, spec, records, scope, options));
  const columns = spec.columns;
  const names = sql.join(columns.map((c) => sql.ref(c.column)));
  const encodedRows = () => {
    const encoded = options.encoded ?? records.map((record) => copyFields(columns, record));
    if (encoded.length !== records.length) throw new Error(`${encoded.length} encoded rows for ${records.length} records`);
    return encoded;
  };
  const plan =
    options.plan ??
    (await planDirectCopy(db, spec, records, scope.connectionId, { datesFromEmployments: options.datesFromEmployments }));
  if (!plan.collides) {
    const lines = plan.lines ?? directCopyLines(spec, records, encodedRows(), scope, plan, options.datesFromEmployments ?? []);
    await copyIntoTable(db, spec, plan, lines);
    if (options.logChanges) await logCreated(db, spec, records, scope);
    return { created: records.length, updated: 0, unchanged: 0 };
  }
  const encoded = encodedRows();
  const stage = sql.table(stageTable(spec));
  // Temp and ON COMMIT DELETE ROWS: no WAL, private to this session, empty again after the
  // transaction. (Left compressed: uncompressed wide rows overflow temp_buffers, measured slower.)
  await sql`create temp table if not exists ${stage} on commit delete rows as
    select ${names} from ${sql.table(spec.table)} with no data`.execute(db);
  const payload = encoded.map((row) => `${row}\n`);
  await sql`copy ${stage} (${names}) from stdin ${payload}`.execute(db);
  const keep = options.keep ?? new Set<string>();
  const compared = columns.filter((c) => c.column !== "remote_id" && !keep.has(c.column));
  const setList = sql.join(compared.map((c) => sql.raw(`${c.column} = excluded.${c.column}`)));
  const targetTuple = sql.join(compared.map((c) => sql.raw(`t.${c.column}`)));
  const excludedTuple = sql.join(compared.map((c) => sql.raw(`excluded.${c.column}`)));
  const changedFields = sql.join(
    compared.map((c) => sql.raw(`case when p.${c.column} is distinct from i.${c.column} then '${c.column}' end`)),
  );
  const inputNames = sql.join(columns.map((c) => sql.ref(`i.${c.column}`)));
  const links = linkedReferences(spec, scope.connectionId, keep);
  const table = sql.table(spec.table);

  const conflict = sql`on conflict (connection_id, remote_id) do update
        set ${setList}${links.set}, remote_deleted_at = null, updated_at = now()
        where (${targetTuple}, t.remote_deleted_at) is distinct from (${excludedTuple}, null::timestamptz)`;
  const insert = sql`insert into ${table} as t (organisation_id, connection_id, ${names}${links.columns})
      select ${scope.organisationId}::uuid, ${scope.connectionId}::uuid, ${inputNames}${links.values}
      from ${stage} i
      ${conflict}
      returning t.remote_id, (t.xmax = 0) as inserted`;
  const { rows } = options.logChanges
    ? await sql<{ created: number; updated: number }>`
    with input as (select * from ${stage}),
    -- One index probe per staged row. OFFSET 0 keeps the planner from turning this into a
    -- hash join over every row of the connection, which it picks while a first load's
    -- statistics still say the table is tiny.
    prev as (
      select p.* from input i
      cross join lateral (
        select t.* from ${table} t where t.connection_id = ${scope.connectionId} and t.remote_id = i.remote_id offset 0
      ) p
    ),
    up as (${insert}),
    log as (
      insert into change_log (connection_id, run_id, entity, remote_id, change, fields)
      select ${scope.connectionId}::uuid, ${scope.runId}::uuid, ${spec.model}, up.remote_id,
        case when up.inserted then 'created' when p.remote_deleted_at is not null then 'restored' else 'updated' end,
        case when up.inserted then null else to_jsonb(array_remove(array[${changedFields}], null)) end
      from up
      join input i on i.remote_id = up.remote_id
      left join prev p on p.remote_id = up.remote_id
    )
    select
      (count(*) filter (where inserted))::int as created,
      (count(*) filter (where not inserted))::int as updated
    from up`.execute(db)
    : await sql<{ created: number; updated: number }>`
    with up as (${insert})
    select
      (count(*) filter (where inserted))::int as created,
      (count(*) filter (where not inserted))::int as updated
    from up`.execute(db);
  const created = rows[0]?.created ?? 0;
  const updated = rows[0]?.updated ?? 0;
  return { created, updated, unchanged: records.length - created - updated };
}

/** change_log's rows for records just created, as the merge path logs a created record. */
async function logCreated<M extends ModelName>(db: Db, spec: TableSpec<M>, records: Models[M][], scope: UpsertScope) {
  await sql`insert into change_log (connection_id, run_id, entity, remote_id, change)
    select ${scope.connectionId}::uuid, ${scope.runId}::uuid, ${spec.model}, unnest(${records.map((r) => r.remoteId)}::text[]), 'created'`.execute(
    db,
  );
}

/** COPY of the batch straight into its table: its lines (directCopyLines) carry the new ids, links and dates. */
async function copyIntoTable<M extends ModelName>(
  db: Db,
  spec: TableSpec<M>,
  plan: DirectCopyPlan<M>,
  lines: readonly string[],
): Promise<void> {
  const names = sql.join([...spec.columns, ...plan.links].map((c) => sql.ref(c.column)));
  await sql`copy ${sql.table(spec.table)} (organisation_id, connection_id, ${names}) from stdin ${lines}`.execute(db);
}

/**
 * A batch's rows as a direct COPY sends them (organisation, connection, the encoded columns,
 * then the plan's links), with what planDirectCopy answered: new ids, links, people's dates.
 */
export function directCopyLines<M extends ModelName>(
  spec: TableSpec<M>,
  records: readonly Models[M][],
  encoded: readonly string[],
  scope: UpsertScope,
  plan: DirectCopyPlan<M>,
  datesFromEmployments: readonly EmployeeDateColumn[],
): string[] {
  const rows = withEmployeeDates(spec, records, encoded, plan.dates, datesFromEmployments);
  const { links } = plan;
  const prefix = `${scope.organisationId}\t${scope.connectionId}`;
  return records.map((record, i) => {
    const linked = links.length === 0 ? "" : `\t${copyFields(links, record)}`;
    return `${prefix}\t${rows[i]}${linked}\n`;
  });
}

/** The encoded rows with each person's dates replaced by what their stored employments give. */
function withEmployeeDates<M extends ModelName>(
  spec: TableSpec<M>,
  records: readonly Models[M][],
  encoded: readonly string[],
  dates: ReadonlyMap<string, EmployeeDates>,
  columns: readonly EmployeeDateColumn[],
): readonly string[] {
  if (dates.size === 0 || columns.length === 0) return encoded;
  const fields = columns
    .map((column) => ({ column, position: spec.columns.findIndex((c) => c.column === column) }))
    .sort((a, b) => a.position - b.position);
  if (fields.some((f) => f.position === -1)) throw new Error(`${spec.table}: no column for one of ${columns.join(", ")}`);
  const positions = fields.map((f) => f.position);
  return encoded.map((row, i) => {
    const derived = dates.get(records[i]!.remoteId);
    return derived
      ? replaceFields(
          row,
          positions,
          fields.map((f) => copyField(derived[f.column] ?? null)),
        )
      : row;
  });
}

const stageNames = new Map<string, string>();

/**
 * The staging table's name carries a hash of the spec's columns, so a pooled session that
 * staged an older column list (before a migration) never COPYs into the wrong shape.
 */
function stageTable(spec: { table: string; columns: { column: string; type: string }[] }): string {
  let name = stageNames.get(spec.table);
  if (!name) {
    const hash = createHash("sha1")
      .update(spec.columns.map((c) => `${c.column}:${c.type}`).join(","))
      .digest("hex")
      .slice(0, 10);
    name = `roster_stage_${spec.table}_${hash}`;
    stageNames.set(spec.table, name);
  }
  return name;
}

/**
 * References whose target is already stored (departments and locations are read before
 * people; most managers before their reports) are linked while the row is written, so the
 * reference pass after the sync (references.ts) rewrites only the few rows it must. Each is
 * a scalar subquery, one index probe per row, never a join the planner could turn into a
 * scan of the whole table. The guard leaves them out: a link alone never makes an unchanged
 * record "updated".
 */
function linkedReferences<M extends ModelName>(spec: TableSpec<M>, connectionId: string, keep: ReadonlySet<string>) {
  const refs = spec.references ?? [];
  if (refs.length === 0) return { columns: sql``, values: sql``, set: sql`` };
  // A link whose remote id is kept as stored keeps its Roster id too.
  const updated = refs.filter((ref) => !keep.has(ref.remoteColumn));
  return {
    columns: sql`, ${sql.join(refs.map((ref) => sql.ref(ref.idColumn)))}`,
    values: sql`, ${sql.join(
      refs.map(
        (ref) =>
          sql`(select x.id from ${sql.table(ref.targetTable)} x where x.connection_id = ${connectionId} and x.remote_id = i.${sql.ref(ref.remoteColumn)})`,
      ),
    )}`,
    set:
      updated.length === 0
        ? sql``
        : sql`, ${sql.join(updated.map((ref) => sql.raw(`${ref.idColumn} = excluded.${ref.idColumn}`)))}`,
  };
}
