import { type Database, type Kysely, type PermissionChange, type StaleField, sql } from "@roster/db";
import type { UnknownField } from "./unknown-fields";
import type { UpsertScope } from "./upsert";

export interface StaleFieldsRecord {
  /** Everything the connection does not keep current as of this run, with since when. */
  stale: StaleField[];
  /** Lost and restored since the run before (this run's, kept across a resumed attempt). */
  change: PermissionChange;
}

const key = (f: { stream: string; field: string }) => `${f.stream}\u0000${f.field}`;

/**
 * Brings connection_stale_fields in line with what this run cannot keep current, and records
 * on the run both the list and what changed. A field the token stopped reading is `lost` when
 * the connection had synced before (it held current data for it), else it was never granted.
 * A field listed before that the token reads again is restored: this run writes it.
 * One transaction, so a crash never leaves the list and the run's record apart.
 */
export async function recordStaleFields(
  db: Kysely<Database>,
  scope: UpsertScope,
  unknown: readonly UnknownField[],
  options: {
    syncedBefore: boolean;
    now: Date;
    /** Labels of a field no longer unknown (the restored ones), from the connector. */
    labelsOf: (field: { stream: string; model: string; field: string; permission: string }) => {
      label: string;
      permissionLabel: string;
    };
  },
): Promise<StaleFieldsRecord> {
  const { labelsOf } = options;
  return db.transaction().execute(async (trx) => {
    const stored = await trx
      .selectFrom("connection_stale_fields")
      .selectAll()
      .where("connection_id", "=", scope.connectionId)
      .execute();
    const wanted = new Map(unknown.map((u) => [key(u), u]));
    const have = new Map(stored.map((row) => [key(row), row]));
    const added = unknown.filter((u) => !have.has(key(u)));
    const removed = stored.filter((row) => !wanted.has(key(row)));

    if (added.length > 0) {
      await trx
        .insertInto("connection_stale_fields")
        .values(
          added.map((u) => ({
            connection_id: scope.connectionId,
            stream: u.stream,
            model: u.model,
            field: u.field,
            permission: u.permission,
            since: options.now,
            since_run_id: scope.runId,
            lost: options.syncedBefore,
          })),
        )
        .execute();
    }
    for (const row of removed) {
      await trx
        .deleteFrom("connection_stale_fields")
        .where("connection_id", "=", scope.connectionId)
        .where("stream", "=", row.stream)
        .where("field", "=", row.field)
        .execute();
    }

    const asStale = (u: Omit<UnknownField, "model"> & { model: string }, since: Date, lost: boolean): StaleField => ({
      stream: u.stream,
      model: u.model,
      field: u.field,
      label: u.label,
      permission: u.permission,
      permissionLabel: u.permissionLabel,
      since: since.toISOString(),
      lost,
    });
    const stale = unknown.map((u) => {
      const row = have.get(key(u));
      return row ? asStale(u, new Date(row.since), row.lost) : asStale(u, options.now, options.syncedBefore);
    });
    const found: PermissionChange = {
      lost: options.syncedBefore ? added.map((u) => asStale(u, options.now, true)) : [],
      restored: removed.filter((row) => row.lost).map((row) => asStale({ ...row, ...labelsOf(row) }, new Date(row.since), true)),
    };
    // A resumed attempt keeps what the first attempt found (its list is already stored).
    const run = await trx.selectFrom("sync_runs").select("permission_change").where("id", "=", scope.runId).executeTakeFirst();
    const earlier = (run?.permission_change ?? { lost: [], restored: [] }) as PermissionChange;
    const change: PermissionChange = {
      lost: [...earlier.lost, ...found.lost],
      restored: [...earlier.restored, ...found.restored],
    };
    const changed = change.lost.length > 0 || change.restored.length > 0;
    await sql`update sync_runs set stale = ${JSON.stringify(stale)}::jsonb,
        permission_change = ${changed ? JSON.stringify(change) : null}::jsonb
      where id = ${scope.runId}`.execute(trx);
    return { stale, change };
  });
}
