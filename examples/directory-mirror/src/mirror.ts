import type pg from "pg";
import type { RosterClient } from "./client";
import { upsertEmployees } from "./mirror-table";

/**
 * A full export by cursor into the local table: what a consumer does once after connecting
 * (Roster sends no per-person events for a connection's first load), and whenever it wants to
 * reconcile. Deleted people come too, so the copy knows who left.
 */
export async function exportAll(client: RosterClient, db: pg.Pool): Promise<{ records: number; pages: number }> {
  let cursor: string | undefined;
  let records = 0;
  let pages = 0;
  do {
    const { data, error } = await client.GET("/employees", {
      params: { query: { page_size: 500, include_deleted: "true", ...(cursor ? { cursor } : {}) } },
    });
    if (error) throw new Error(`Roster answered ${error.status}: ${error.detail}`);
    await upsertEmployees(db, data.data);
    records += data.data.length;
    pages++;
    cursor = data.next_cursor ?? undefined;
  } while (cursor);
  return { records, pages };
}

/** The parts of a webhook event this consumer reads (the full shapes are in roster-api.ts's webhooks). */
export interface RosterEvent {
  id: string;
  type: string;
  data: { id?: string; trigger?: string | null };
}

/**
 * Applies one verified event: a person's event fetches the person's current record (events are
 * thin, so a late or repeated one never writes stale data); the first sync of a connection
 * (trigger "initial") sends no per-person events, so it triggers a full export instead.
 * Idempotent: an event id seen before is skipped.
 */
export async function applyEvent(
  client: RosterClient,
  db: pg.Pool,
  event: RosterEvent,
): Promise<"applied" | "duplicate" | "ignored"> {
  const fresh = await db.query("insert into mirror_events (id) values ($1) on conflict do nothing", [event.id]);
  if (fresh.rowCount === 0) return "duplicate";
  if (event.type.startsWith("employee.") && event.data.id) {
    const { data, error } = await client.GET("/employees/{id}", { params: { path: { id: event.data.id } } });
    if (error) {
      await db.query("delete from mirror_events where id = $1", [event.id]);
      throw new Error(`Roster answered ${error.status} for employee ${event.data.id}: ${error.detail}`);
    }
    await upsertEmployees(db, [data]);
    return "applied";
  }
  if (event.type === "sync.succeeded" && event.data.trigger === "initial") {
    await exportAll(client, db);
    return "applied";
  }
  return "ignored";
}
