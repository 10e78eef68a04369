import { type Db, sql } from "@roster/db";

export interface HistoryRange {
  /** Days ending today, in the viewer's time zone. */
  days: number;
  /** An IANA time zone (validated by the caller): where a day starts and ends. */
  timeZone: string;
  /** One connection's people, else the whole organisation's. */
  connectionId?: string;
}

export interface HeadCountPoint {
  /** `YYYY-MM-DD` in the range's time zone. */
  day: string;
  /** People held (not deleted) at the end of that day. */
  people: number;
}

/**
 * People in the directory at the end of each day, walked back from today's count through the
 * change log: a day's count is today's minus the people created or restored after it, plus
 * those deleted after it. The first load of a connection is not logged person by person, so
 * a connection counts only from the day its first people arrived.
 */
export async function headCountHistory(db: Db, organisationId: string, range: HistoryRange): Promise<HeadCountPoint[]> {
  const connection = range.connectionId ?? null;
  const { rows } = await sql<HeadCountPoint>`
    with bounds as (
      select (now() at time zone ${range.timeZone})::date as today
    ),
    days as (
      select (b.today - g.n)::date as day from bounds b, generate_series(0, ${range.days - 1}::int) as g(n)
    ),
    scope as (
      select c.id from connections c
      where c.organisation_id = ${organisationId} and (${connection}::uuid is null or c.id = ${connection}::uuid)
    ),
    held as (
      select e.connection_id,
        count(*) filter (where e.remote_deleted_at is null)::int as now_held,
        (min(e.created_at) at time zone ${range.timeZone})::date as since
      from employees e
      where e.organisation_id = ${organisationId} and e.connection_id in (select id from scope)
      group by e.connection_id
    ),
    net as (
      select l.connection_id, (l.created_at at time zone ${range.timeZone})::date as day,
        sum(case l.change when 'deleted' then -1 else 1 end)::int as delta
      from change_log l
      where l.connection_id in (select id from scope) and l.entity = 'employees' and l.change <> 'updated'
        and l.created_at >= ((select min(day) from days)::timestamp at time zone ${range.timeZone})
      group by 1, 2
    )
    select to_char(d.day, 'YYYY-MM-DD') as day,
      coalesce(sum(
        h.now_held - coalesce((select sum(n.delta) from net n where n.connection_id = h.connection_id and n.day > d.day), 0)
      ) filter (where h.since <= d.day), 0)::int as people
    from days d left join held h on true
    group by d.day
    order by d.day`.execute(db);
  return rows;
}
