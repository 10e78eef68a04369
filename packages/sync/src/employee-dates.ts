import { type Db, sql } from "@roster/db";

export type EmployeeDateColumn = "hire_date" | "start_date" | "termination_date";

/** A person's dates taken from their employments (ISO dates; null where none). */
export type EmployeeDates = Partial<Record<EmployeeDateColumn, string | null>>;

/** The column of datedEmployments each date comes from. */
const aggregateOf = {
  hire_date: "first_start",
  start_date: "latest_start",
  termination_date: "latest_termination",
} as const satisfies Record<EmployeeDateColumn, string>;

/** A person's dates over their employments rows: the first start, the most recent (by start) start and termination. */
const datesOverEmployments = sql`
        min(start_date) as first_start,
        (array_agg(start_date order by start_date desc nulls last, remote_id desc))[1] as latest_start,
        (array_agg(termination_date order by start_date desc nulls last, remote_id desc))[1] as latest_termination`;

/** Per person (employee_remote_id) with a live employment: their dates. */
function datedEmployments(connectionId: string) {
  return sql`
      select employee_remote_id, ${datesOverEmployments}
      from employments
      where connection_id = ${connectionId} and remote_deleted_at is null
      group by employee_remote_id`;
}

/**
 * The dates the people named get from the employments stored now, by remote id (people with
 * none are absent). A first load writes them with each new row (upsert.ts), so the pass after
 * the streams rewrites only the people whose employments came later. Each person is one probe
 * of the employments' (connection_id, employee_remote_id) index: the table may have just been
 * loaded, with the statistics of an empty one, and `= any(…)` would then be read as a filter
 * over every employment of the connection, for each batch of people.
 */
export async function employeeDatesOf(
  db: Db,
  connectionId: string,
  people: readonly string[],
  columns: readonly EmployeeDateColumn[],
): Promise<Map<string, EmployeeDates>> {
  const { rows } = await sql<{ employee_remote_id: string } & Record<(typeof aggregateOf)[EmployeeDateColumn], string | null>>`
    ${datesOfPeople(connectionId, people)}`.execute(db);
  return new Map(rows.map((row) => [row.employee_remote_id, Object.fromEntries(columns.map((c) => [c, row[aggregateOf[c]]]))]));
}

/** The query employeeDatesOf runs (exported for the test of its plan). */
export function datesOfPeople(connectionId: string, people: readonly string[]) {
  return sql`
    select named.remote_id as employee_remote_id, dated.*
    from unnest(${people}::text[]) as named(remote_id)
    cross join lateral (
      select count(*) as employments, ${datesOverEmployments}
      from employments
      where connection_id = ${connectionId} and remote_deleted_at is null and employee_remote_id = named.remote_id
    ) dated
    where dated.employments > 0`;
}

/** The person's dates a connector's people stream omits (its `omits`), which come from employments. */
export function omittedEmployeeDates(omits: readonly string[] | undefined): EmployeeDateColumn[] {
  return (omits ?? []).flatMap((field) => employeeDateColumns[field] ?? []);
}

const employeeDateColumns: Record<string, EmployeeDateColumn> = {
  hireDate: "hire_date",
  startDate: "start_date",
  terminationDate: "termination_date",
};

/**
 * Fills a person's dates from their employments, for providers that keep them there only
 * (the people stream `omits` them): hire date = the first employment's start, start and
 * termination = the most recent employment's (by start date). A person with no employment
 * gets none. Set-wise, writing only the rows whose dates differ, so an unchanged re-sync
 * writes nothing; with `logChanges` each changed person is logged in change_log like any
 * other update.
 */
export async function deriveEmployeeDates(
  db: Db,
  scope: { connectionId: string; runId: string },
  columns: readonly EmployeeDateColumn[],
  options: { logChanges: boolean },
): Promise<number> {
  if (columns.length === 0) return 0;
  const assignments = sql.join(columns.map((c) => sql.raw(`${c} = t.${aggregateOf[c]}`)));
  const current = sql.join(columns.map((c) => sql.raw(`e.${c}`)));
  const derived = sql.join(columns.map((c) => sql.raw(`d.${aggregateOf[c]}`)));
  const changedFields = sql.join(
    columns.map((c) => sql.raw(`case when e.${c} is distinct from d.${aggregateOf[c]} then '${c}' end`)),
  );
  const { rows } = await sql<{ updated: number }>`
    with dated as (${datedEmployments(scope.connectionId)}),
    targets as (
      select e.id, e.remote_id, d.first_start, d.latest_start, d.latest_termination,
        to_jsonb(array_remove(array[${changedFields}], null)) as fields
      from employees e
      left join dated d on d.employee_remote_id = e.remote_id
      where e.connection_id = ${scope.connectionId}
        and (${current}) is distinct from (${derived})
    ),
    up as (
      update employees e set ${assignments}, updated_at = now()
      from (select id, first_start, latest_start, latest_termination from targets) t
      where e.id = t.id
      returning e.remote_id
    ),
    log as (
      insert into change_log (connection_id, run_id, entity, remote_id, change, fields)
      select ${scope.connectionId}::uuid, ${scope.runId}::uuid, 'employees', t.remote_id, 'updated', t.fields
      from targets t where ${options.logChanges}
    )
    select count(*)::int as updated from up`.execute(db);
  return rows[0]?.updated ?? 0;
}
