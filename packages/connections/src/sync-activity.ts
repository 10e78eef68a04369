import { type Db, sql } from "@roster/db";

export interface SyncActivityRange {
  /** Days ending today, in the viewer's time zone. */
  days: number;
  /** An IANA time zone (validated by the caller): where a day starts and ends. */
  timeZone: string;
  /** One connection's runs, else every connection's of the organisation. */
  connectionId?: string;
}

export interface SyncDay {
  /** `YYYY-MM-DD` in the range's time zone. */
  day: string;
  succeeded: number;
  failed: number;
  /** Cancelled or still running. */
  other: number;
  /** Mean duration of the day's finished runs, in seconds; null when none finished. */
  averageSeconds: number | null;
}

/** Sync runs started each day, by outcome, with their mean duration; days without runs included. */
export async function syncActivity(db: Db, organisationId: string, range: SyncActivityRange): Promise<SyncDay[]> {
  const connection = range.connectionId ?? null;
  const { rows } = await sql<SyncDay>`
    with days as (
      select ((now() at time zone ${range.timeZone})::date - g.n)::date as day
      from generate_series(0, ${range.days - 1}::int) as g(n)
    ),
    runs as (
      select (r.started_at at time zone ${range.timeZone})::date as day, r.status,
        extract(epoch from r.finished_at - r.started_at) as seconds
      from sync_runs r
      where r.organisation_id = ${organisationId}
        and (${connection}::uuid is null or r.connection_id = ${connection}::uuid)
        and r.started_at >= ((select min(day) from days)::timestamp at time zone ${range.timeZone})
    )
    select to_char(d.day, 'YYYY-MM-DD') as day,
      (count(r.status) filter (where r.status = 'succeeded'))::int as succeeded,
      (count(r.status) filter (where r.status = 'failed'))::int as failed,
      (count(r.status) filter (where r.status not in ('succeeded', 'failed')))::int as other,
      round(avg(r.seconds)::numeric, 1)::float8 as "averageSeconds"
    from days d left join runs r on r.day = d.day
    group by d.day
    order by d.day`.execute(db);
  return rows;
}
