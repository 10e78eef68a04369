import { z } from "@hono/zod-openapi";
import { type RawBuilder, sql } from "@roster/db";
import { column, type JsonField, timestamp, uuid } from "./model-shape";
import type { ShapeOptions } from "./resource";

/** Fields every synced record has in the API, ahead of its model's own. */
export const syncedHead = {
  id: uuid().describe("Roster's id: stable, never reused"),
  connection_id: uuid().describe("The connection (HRIS integration) the record came from"),
};

export const syncedTail = {
  remote_deleted_at: timestamp().nullable().describe("When the record vanished from the provider; null while it exists"),
  created_at: timestamp().describe("When Roster first stored the record"),
  modified_at: timestamp().describe("When Roster last changed the record: what modified_after compares"),
  remote_data: z.unknown().optional().describe("The provider's raw record, with include_remote_data=true"),
};

export const syncedHeadFields: JsonField[] = [
  ["id", column("id")],
  ["connection_id", column("connection_id")],
];

export function syncedTailFields(options: ShapeOptions): JsonField[] {
  return [
    ["remote_deleted_at", column("remote_deleted_at")],
    ["created_at", column("created_at")],
    ["modified_at", column("updated_at")],
    ...(options.includeRemoteData ? ([["remote_data", column("remote_data")]] as JsonField[]) : []),
  ];
}

/** The uuid of the record of `table` with this remote id in the row's connection (a unique-index probe). */
export const remoteRef =
  (table: string, remoteIdColumn: string) =>
  (row: string): RawBuilder<unknown> =>
    sql`(select x.id from ${sql.table(table)} x where x.connection_id = ${sql.ref(`${row}.connection_id`)} and x.remote_id = ${sql.ref(`${row}.${remoteIdColumn}`)})`;
