import { type Database, type Db, type Kysely, sql } from "@roster/db";
import type { Logger } from "@roster/logger";
import { requestFanOut } from "./emit-event";
import { type ChangeLogRow, changeEvent, type EventBody, type OutboxRow, outboxEvent } from "./event-bodies";
import { type NewDelivery, queueDeliveryJobs } from "./queue-deliveries";

/** Source rows per transaction. */
const FANOUT_BATCH = 2000;
/** How soon to look again when committed rows wait behind an older, still open transaction. */
const RECHECK_MS = 1000;

type Source = "change_log" | "event_outbox";

interface Endpoint {
  id: string;
  organisation_id: string;
  events: string[];
  created_at: Date;
}

interface Position {
  xid: string;
  id: string;
}

export interface FanOutResult {
  events: number;
  deliveries: number;
  jobs: number;
}

/**
 * Turns new change_log and event_outbox rows into deliveries, one per subscribed endpoint, and
 * queues their jobs, each batch in one transaction with the new position: a crash repeats a
 * batch whole or not at all, and the unique (endpoint, event) key would refuse a double anyway.
 *
 * Ids from a sequence are taken in one order and committed in another: reading "everything
 * after the last id seen" would skip a row whose transaction commits after a later one was
 * read. So each row carries its writer's transaction id (xid8), and a batch reads only rows
 * whose xid is below the oldest transaction still running (pg_snapshot_xmin): those
 * transactions have all ended, so no row can still appear below that bound. Rows are read in
 * (xid, id) order; the sync writes a connection's batches one transaction after another, so a
 * record's changes come out in the order they were made.
 */
export async function fanOut(db: Db, log?: Logger): Promise<FanOutResult> {
  const total: FanOutResult = { events: 0, deliveries: 0, jobs: 0 };
  for (;;) {
    const batch = await db.transaction().execute((trx) => fanOutBatch(trx));
    total.events += batch.events;
    total.deliveries += batch.deliveries;
    total.jobs += batch.jobs;
    if (!batch.more) {
      // Committed rows behind an older open transaction: look again shortly rather than at the next cron minute.
      if (batch.waiting) await requestFanOut(db, new Date(Date.now() + RECHECK_MS));
      break;
    }
  }
  if (total.deliveries > 0) log?.info({ ...total }, "webhook events fanned out");
  return total;
}

async function fanOutBatch(trx: Kysely<Database>): Promise<FanOutResult & { more: boolean; waiting: boolean }> {
  // First, before this transaction takes an id of its own.
  const { rows: bound } = await sql<{ upper: string }>`select pg_snapshot_xmin(pg_current_snapshot())::text as upper`.execute(
    trx,
  );
  const upper = bound[0]!.upper;
  const states = await trx.selectFrom("event_fanout_state").selectAll().forUpdate().execute();
  const position = (source: Source): Position => {
    const state = states.find((s) => s.source === source);
    if (!state) throw new Error(`event_fanout_state has no row for ${source}`);
    return { xid: state.after_xid, id: String(state.after_id) };
  };
  const endpoints = await trx
    .selectFrom("webhook_endpoints")
    .select(["id", "organisation_id", "events", "created_at"])
    .where("enabled", "=", true)
    .execute();

  const changes = await readChangeLog(trx, position("change_log"), upper);
  const outbox = await readOutbox(trx, position("event_outbox"), upper);
  const events = [...changes.rows.flatMap((row) => changeEvent(row) ?? []), ...outbox.rows.map((row) => outboxEvent(row))];
  const deliveries = await insertDeliveries(trx, events, endpoints);
  const jobs = await queueDeliveryJobs(trx, deliveries);
  for (const [source, last] of [
    ["change_log", changes.last],
    ["event_outbox", outbox.last],
  ] as const) {
    if (!last) continue;
    await trx
      .updateTable("event_fanout_state")
      .set({ after_xid: last.xid, after_id: last.id, updated_at: new Date() })
      .where("source", "=", source)
      .execute();
  }
  const more = changes.rows.length === FANOUT_BATCH || outbox.rows.length === FANOUT_BATCH;
  const waiting = !more && (await rowsAtOrAbove(trx, upper));
  return { events: events.length, deliveries: deliveries.length, jobs, more, waiting };
}

async function readChangeLog(trx: Kysely<Database>, after: Position, upper: string) {
  const { rows } = await sql<ChangeLogRow & { xid: string }>`
    select c.id::text as id, c.xid::text as xid, c.connection_id, c.entity, c.remote_id, c.change, c.fields, c.created_at,
      k.organisation_id, e.id as employee_id
    from change_log c
    join connections k on k.id = c.connection_id
    left join employees e on c.entity = 'employees' and e.connection_id = c.connection_id and e.remote_id = c.remote_id
    where (c.xid, c.id) > (${after.xid}::xid8, ${after.id}::bigint) and c.xid < ${upper}::xid8
    order by c.xid, c.id
    limit ${FANOUT_BATCH}`.execute(trx);
  const last = rows.at(-1);
  return { rows, last: last ? { xid: last.xid, id: last.id } : null };
}

async function readOutbox(trx: Kysely<Database>, after: Position, upper: string) {
  const { rows } = await sql<OutboxRow & { xid: string }>`
    select o.id::text as id, o.xid::text as xid, o.organisation_id, o.type, o.ordering_key, o.data, o.created_at
    from event_outbox o
    where (o.xid, o.id) > (${after.xid}::xid8, ${after.id}::bigint) and o.xid < ${upper}::xid8
    order by o.xid, o.id
    limit ${FANOUT_BATCH}`.execute(trx);
  const last = rows.at(-1);
  return { rows, last: last ? { xid: last.xid, id: last.id } : null };
}

/** Whether committed rows exist that the bound held back (a transaction older than theirs was still open). */
async function rowsAtOrAbove(trx: Kysely<Database>, upper: string): Promise<boolean> {
  const { rows } = await sql<{ waiting: boolean }>`
    select exists (select 1 from change_log where xid >= ${upper}::xid8)
        or exists (select 1 from event_outbox where xid >= ${upper}::xid8) as waiting`.execute(trx);
  return rows[0]?.waiting === true;
}

async function insertDeliveries(
  trx: Kysely<Database>,
  events: { body: EventBody; orderingKey: string }[],
  endpoints: Endpoint[],
): Promise<NewDelivery[]> {
  const columns = {
    endpoint: [] as string[],
    organisation: [] as string[],
    id: [] as string[],
    type: [] as string[],
    key: [] as string[],
    body: [] as string[],
  };
  for (const event of events) {
    let body: string | undefined;
    const happenedAt = Date.parse(event.body.timestamp);
    for (const endpoint of endpoints) {
      if (endpoint.organisation_id !== event.body.organisation_id || !endpoint.events.includes(event.body.type)) continue;
      // An endpoint hears of what happens from its creation on, not of a backlog the fan-out
      // had not reached yet when it was registered (a worker that was down, say).
      if (happenedAt < endpoint.created_at.getTime()) continue;
      body ??= JSON.stringify(event.body);
      columns.endpoint.push(endpoint.id);
      columns.organisation.push(endpoint.organisation_id);
      columns.id.push(event.body.id);
      columns.type.push(event.body.type);
      columns.key.push(event.orderingKey);
      columns.body.push(body);
    }
  }
  if (columns.id.length === 0) return [];
  const { rows } = await sql<{ id: string; endpoint_id: string; ordering_key: string }>`
    insert into event_deliveries (endpoint_id, organisation_id, event_id, event_type, ordering_key, body)
    select * from unnest(${columns.endpoint}::uuid[], ${columns.organisation}::uuid[], ${columns.id}::text[],
      ${columns.type}::text[], ${columns.key}::text[], ${columns.body}::text[])
    on conflict (endpoint_id, event_id) do nothing
    returning id::text as id, endpoint_id, ordering_key`.execute(trx);
  return rows.map((r) => ({ id: r.id, endpointId: r.endpoint_id, orderingKey: r.ordering_key }));
}
