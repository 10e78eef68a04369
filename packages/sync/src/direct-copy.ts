import { randomUUID } from "node:crypto";
import type { ModelName, Models } from "@roster/core";
import { type Db, sql } from "@roster/db";
import { type EmployeeDateColumn, type EmployeeDates, employeeDatesOf } from "./employee-dates";
import type { ColumnSpec, TableSpec } from "./tables/index";

export interface DirectCopyPlan<M extends ModelName> {
  /** A record of the batch is already stored (a provider served it on an earlier page): merge instead. */
  collides: boolean;
  /** The columns COPY adds after the spec's own: the new rows' ids and their links. */
  links: ColumnSpec<Models[M]>[];
  /** The ids made for the batch's new rows (tables with links only), by remote id. */
  newIds: ReadonlyMap<string, string>;
  /** Each person's dates from their stored employments, by remote id (datesFromEmployments only). */
  dates: ReadonlyMap<string, EmployeeDates>;
  /**
   * The batch's rows as the COPY sends them (upsert.ts, directCopyLines), when the engine made
   * them as soon as the plan was answered: the write then starts sending at once.
   */
  lines?: readonly string[];
}

/**
 * The batch of the same stream being written while this one is planned (sync-stream.ts plans
 * a batch on another connection while the one before it is written). Its rows may not be
 * committed yet, so they are answered from here: each of its records counts as stored, and a
 * link to one it COPYs straight in takes the id made for it.
 */
export interface BatchBeingWritten {
  remoteIds: ReadonlySet<string>;
  newIds: ReadonlyMap<string, string>;
}

export interface DirectCopyQuestions {
  /** The person's dates the people stream omits (upsert.ts), read from the stored employments. */
  datesFromEmployments?: readonly EmployeeDateColumn[];
  beingWritten?: BatchBeingWritten;
  /** What earlier batches of the stream learnt of other tables' rows (KnownTargets). */
  knownTargets?: KnownTargets;
}

/**
 * The Roster ids a stream's batches have looked up in other tables, by table then remote id
 * (null: not stored). A table a stream links to is written before the stream starts (the run's
 * schedule), so its answers hold for the whole stream: people's departments and locations are
 * asked once, not once per batch. Bounded per table; past the bound the rest is asked per batch.
 */
export type KnownTargets = Map<string, Map<string, string | null>>;

const KNOWN_TARGETS_PER_TABLE = 50_000;

/**
 * What COPYing a batch straight into its table needs to know first (upsert.ts): whether any of
 * its records is stored already (asked alone first: a re-sync's batches mostly are, and need
 * nothing more), then the Roster id each link points to, and the people's dates. COPY cannot
 * join, and this keeps a first load of people at COPY's speed instead of a staged INSERT …
 * SELECT with a subquery per link.
 *
 * A table with links gets its ids made here, so a link to a record of the same batch takes
 * that record's new id whatever its order in the batch; any other link is looked up by the
 * distinct remote ids the batch names. What is not stored yet stays null for the reference
 * pass after the sync (references.ts), as the merge path leaves it.
 */
export async function planDirectCopy<M extends ModelName>(
  db: Db,
  spec: TableSpec<M>,
  records: Models[M][],
  connectionId: string,
  questions: DirectCopyQuestions = {},
): Promise<DirectCopyPlan<M>> {
  const merge: DirectCopyPlan<M> = { collides: true, links: [], newIds: new Map(), dates: new Map() };
  const beingWritten = questions.beingWritten;
  if (beingWritten && records.some((r) => beingWritten.remoteIds.has(r.remoteId))) return merge;
  const stored = await sql`select 1 from ${storedAmong(
    spec.table,
    connectionId,
    records.map((r) => r.remoteId),
  )} limit 1`.execute(db);
  if (stored.rows.length > 0) return merge;
  const datesFromEmployments = questions.datesFromEmployments ?? [];
  const dates =
    datesFromEmployments.length > 0
      ? employeeDatesOf(
          db,
          connectionId,
          records.map((r) => r.remoteId),
          datesFromEmployments,
        )
      : Promise.resolve(new Map<string, EmployeeDates>());
  // Asked beside the links, so an unexpected failure is seen once, here, not left unhandled.
  const [links, datesByPerson] = await Promise.all([
    plannedLinks(db, spec, records, connectionId, beingWritten, questions.knownTargets),
    dates,
  ]);
  return { collides: false, ...links, dates: datesByPerson };
}

async function plannedLinks<M extends ModelName>(
  db: Db,
  spec: TableSpec<M>,
  records: Models[M][],
  connectionId: string,
  beingWritten: BatchBeingWritten | undefined,
  knownTargets: KnownTargets | undefined,
): Promise<Pick<DirectCopyPlan<M>, "links" | "newIds">> {
  const refs = spec.references ?? [];
  if (refs.length === 0) return { links: [], newIds: new Map() };

  const newIds = new Map<string, string>(records.map((record) => [record.remoteId, randomUUID()]));
  const remoteIdOf = refs.map((ref) => {
    const column = spec.columns.find((c) => c.column === ref.remoteColumn);
    if (!column) throw new Error(`${spec.table}: no column ${ref.remoteColumn} for the link ${ref.idColumn}`);
    return (record: Models[M]) => {
      const value = column.value(record);
      return typeof value === "string" ? value : null;
    };
  });
  // The id a link to a row of this batch, or of the batch being written, takes: made here, not stored yet.
  const newIdOf = (refIndex: number, remoteId: string) =>
    refs[refIndex]?.targetTable === spec.table ? (newIds.get(remoteId) ?? beingWritten?.newIds.get(remoteId)) : undefined;

  const linked = refs.map(() => new Map<string, string>());
  const known = refs.map((ref) => {
    if (!knownTargets || ref.targetTable === spec.table) return undefined;
    const table = knownTargets.get(ref.targetTable) ?? new Map<string, string | null>();
    knownTargets.set(ref.targetTable, table);
    return table;
  });
  const questions: ReturnType<typeof sql>[] = [];
  refs.forEach((ref, i) => {
    const wanted = new Set<string>();
    for (const record of records) {
      const remoteId = remoteIdOf[i]!(record);
      if (remoteId === null || newIdOf(i, remoteId) !== undefined) continue;
      const answer = known[i]?.get(remoteId);
      if (answer === undefined) wanted.add(remoteId);
      else if (answer !== null) linked[i]!.set(remoteId, answer);
    }
    if (wanted.size === 0) return;
    const table = known[i];
    if (table && table.size < KNOWN_TARGETS_PER_TABLE) for (const remoteId of wanted) table.set(remoteId, null);
    questions.push(
      sql`(select ${i}::int as link, stored.remote_id, stored.id::text from ${storedAmong(ref.targetTable, connectionId, [...wanted])})`,
    );
  });
  const rows =
    questions.length === 0
      ? []
      : (await sql<{ link: number; remote_id: string; id: string | null }>`${sql.join(questions, sql` union all `)}`.execute(db))
          .rows;
  for (const row of rows) {
    if (row.id === null) continue;
    linked[row.link]?.set(row.remote_id, row.id);
    if (known[row.link]?.has(row.remote_id)) known[row.link]?.set(row.remote_id, row.id);
  }
  return {
    newIds,
    links: [
      { column: "id", type: "text", value: (record) => newIds.get(record.remoteId) },
      ...refs.map(
        (ref, i): ColumnSpec<Models[M]> => ({
          column: ref.idColumn,
          type: "text",
          value: (record) => {
            const remoteId = remoteIdOf[i]!(record);
            return remoteId === null ? null : (newIdOf(i, remoteId) ?? linked[i]!.get(remoteId) ?? null);
          },
        }),
      ),
    ],
  };
}

/**
 * The stored rows (remote_id, id) of `table` among the remote ids named, as a FROM item: one
 * probe of the (connection_id, remote_id) index per id, whatever the statistics say. A table
 * a first load is filling still has the statistics of an empty one, and with them the planner
 * read `remote_id = any(…)` as a filter over every row of the connection: each batch's
 * question took longer than the last. OFFSET 0 keeps the lookup a nested loop of probes.
 */
export function storedAmong(table: string, connectionId: string, remoteIds: readonly string[]) {
  return sql`unnest(${remoteIds}::text[]) as named(remote_id)
    cross join lateral (
      select t.remote_id, t.id from ${sql.table(table)} t
      where t.connection_id = ${connectionId} and t.remote_id = named.remote_id offset 0
    ) stored`;
}
