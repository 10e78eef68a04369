import type { Database, Kysely, StoredPermissions } from "@roster/db";
import { emitEvent } from "./emit-event";

interface ConnectionRef {
  id: string;
  organisation_id: string;
}

/** sync.succeeded / sync.failed, from the worker's policy in the transaction that applies the outcome. */
export async function emitSyncFinished(
  trx: Kysely<Database>,
  connection: ConnectionRef,
  outcome: { runId: string; status: "succeeded" | "failed"; errorKind?: string; errorMessage?: string },
): Promise<void> {
  const run = await trx
    .selectFrom("sync_runs")
    .select(["counts", "trigger", "started_at", "finished_at"])
    .where("id", "=", outcome.runId)
    .executeTakeFirst();
  await emitEvent(trx, {
    organisationId: connection.organisation_id,
    connectionId: connection.id,
    type: outcome.status === "succeeded" ? "sync.succeeded" : "sync.failed",
    data: {
      connection_id: connection.id,
      sync_run_id: outcome.runId,
      trigger: run?.trigger ?? null,
      started_at: run?.started_at ?? null,
      finished_at: run?.finished_at ?? null,
      counts: run?.counts ?? {},
      ...(outcome.status === "failed"
        ? { error_kind: outcome.errorKind ?? "unknown", error_message: outcome.errorMessage ?? null }
        : {}),
    },
  });
}

/**
 * connection.created, in the transaction that stores the new connection: whichever way it was
 * made (the dashboard, a connect link, the command line). The organisation's external_ref is
 * there for platforms that map organisations to their own customers.
 */
export async function emitConnectionCreated(
  trx: Kysely<Database>,
  connection: ConnectionRef & { connector_id: string },
  via: { how: "dashboard" | "connect_link" | "cli"; connectLinkId: string | null },
): Promise<void> {
  const organisation = await trx
    .selectFrom("organisations")
    .select("external_ref")
    .where("id", "=", connection.organisation_id)
    .executeTakeFirst();
  await emitEvent(trx, {
    organisationId: connection.organisation_id,
    connectionId: connection.id,
    type: "connection.created",
    data: {
      connection_id: connection.id,
      connector_id: connection.connector_id,
      organisation_id: connection.organisation_id,
      organisation_external_ref: organisation?.external_ref ?? null,
      created_via: via.how,
      connect_link_id: via.connectLinkId,
    },
  });
}

/** connection.disabled: by the failure policy or by an owner. */
export async function emitConnectionDisabled(
  trx: Kysely<Database>,
  connection: ConnectionRef,
  input: { reason: string; by: "policy" | "owner" },
): Promise<void> {
  await emitEvent(trx, {
    organisationId: connection.organisation_id,
    connectionId: connection.id,
    type: "connection.disabled",
    data: { connection_id: connection.id, reason: input.reason, disabled_by: input.by },
  });
}

/**
 * Whether a successful sync now would close an episode: the connection's latest lifecycle event
 * is a failure or a disable. Read from the events themselves, so a re-enable by an owner (which
 * clears the connection's failure state) still ends in connection.restored.
 */
export async function lifecycleEpisodeOpen(trx: Kysely<Database>, connectionId: string): Promise<boolean> {
  const last = await trx
    .selectFrom("event_outbox")
    .select("type")
    .where("connection_id", "=", connectionId)
    .where("type", "in", ["sync.succeeded", "sync.failed", "connection.disabled", "connection.restored"])
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return last?.type === "sync.failed" || last?.type === "connection.disabled";
}

/** connection.restored: the first successful sync after failures or a disable. */
export async function emitConnectionRestored(trx: Kysely<Database>, connection: ConnectionRef, runId: string): Promise<void> {
  await emitEvent(trx, {
    organisationId: connection.organisation_id,
    connectionId: connection.id,
    type: "connection.restored",
    data: { connection_id: connection.id, sync_run_id: runId },
  });
}

/** What a verify said (connections.permissions): the granted and missing lists, and when. */
export type Permissions = StoredPermissions;

/**
 * Stores the permissions a connection's token was found to have and, when they differ from the
 * stored ones, emits connection.permissions_changed in the same transaction. Every writer of
 * connections.permissions goes through here (the sync's verify, a token rotation).
 */
export async function recordConnectionPermissions(
  db: Kysely<Database>,
  connectionId: string,
  permissions: Permissions,
): Promise<{ changed: boolean }> {
  const write = async (trx: Kysely<Database>) => {
    const row = await trx
      .selectFrom("connections")
      .select(["organisation_id", "permissions"])
      .where("id", "=", connectionId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return { changed: false };
    await trx
      .updateTable("connections")
      .set({ permissions: JSON.stringify(permissions) })
      .where("id", "=", connectionId)
      .execute();
    const before = (row.permissions as Permissions | null) ?? null;
    const added = permissions.granted.filter((p) => !before?.granted.includes(p));
    const removed = (before?.granted ?? []).filter((p) => !permissions.granted.includes(p));
    // A first verify has nothing to compare with: the connection's creation is not a change.
    if (!before || (added.length === 0 && removed.length === 0)) return { changed: false };
    await emitEvent(trx, {
      organisationId: row.organisation_id,
      connectionId,
      type: "connection.permissions_changed",
      data: { connection_id: connectionId, granted: permissions.granted, missing: permissions.missing, added, removed },
    });
    return { changed: true };
  };
  return db.isTransaction ? write(db) : db.transaction().execute(write);
}
