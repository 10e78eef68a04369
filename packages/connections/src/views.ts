import type { ConnectionStatus, Db, PermissionChange, StaleField, StoredPermissions } from "@roster/db";
import { staleFieldLabels, totals } from "@roster/sync";
import { type ConnectionDeps, ConnectionError } from "./deps";
import { permissionEffects } from "./permission-effects";
import { findConnector } from "./verify-credentials";

/** A connection as the dashboard shows it: never the credentials, only their last four characters. */
export async function getConnectionView(deps: ConnectionDeps, organisationId: string, connectionId: string) {
  const row = await deps.db
    .selectFrom("connections")
    .selectAll()
    .where("id", "=", connectionId)
    .where("organisation_id", "=", organisationId)
    .executeTakeFirst();
  if (!row) throw new ConnectionError("not_found", "No such connection in this organisation");
  const connector = findConnector(deps, row.connector_id);
  const permissions = row.permissions as StoredPermissions | null;
  // Never verified, or not verifiable since: no tick either way until a verify succeeds.
  const known = permissions !== null && permissions.unknownSince === undefined;
  const effects = new Map(
    permissionEffects(
      connector,
      connector.manifest.permissions.map((p) => p.id),
    ).map((e) => [e.id, e.feeds]),
  );
  const [currentRun, lastRun, stale] = await Promise.all([
    deps.db
      .selectFrom("sync_runs")
      .select(["id", "started_at", "counts", "trigger", "attempts"])
      .where("connection_id", "=", row.id)
      .where("status", "=", "running")
      .orderBy("started_at", "desc")
      .executeTakeFirst(),
    deps.db
      .selectFrom("sync_runs")
      .select(["id", "status", "started_at", "finished_at", "counts", "error_kind", "error_message"])
      .where("connection_id", "=", row.id)
      .where("status", "<>", "running")
      .orderBy("started_at", "desc")
      .executeTakeFirst(),
    deps.db
      .selectFrom("connection_stale_fields")
      .selectAll()
      .where("connection_id", "=", row.id)
      .orderBy("since")
      .orderBy("stream")
      .orderBy("field")
      .execute(),
  ]);
  const staleFields = stale.map((s) => ({
    stream: s.stream,
    field: s.field,
    ...staleFieldLabels(connector, s),
    permission: s.permission,
    since: s.since,
    lost: s.lost,
  }));
  return {
    id: row.id,
    connectorId: row.connector_id,
    connectorName: connector.manifest.name,
    displayName: row.display_name,
    status: row.status,
    consecutiveFailures: row.consecutive_failures,
    disabledReason: row.disabled_reason,
    notificationEmail: row.notification_email,
    credentialsHint: row.credentials_hint,
    account: row.account as { id: string; name: string } | null,
    /** `partial`: the token lost permissions it had, so some stored data is no longer kept current. */
    health: healthOf(row.status, staleFields),
    permissions: connector.manifest.permissions.map((p) => ({
      id: p.id,
      label: p.label,
      state: !known ? "unknown" : permissions.granted.includes(p.id) ? "granted" : "missing",
      /** What stops updating without it, in people's words. */
      feeds: effects.get(p.id) ?? [],
    })) satisfies { state: PermissionState }[],
    permissionsCheckedAt: permissions?.checkedAt ?? null,
    permissionsUnknownSince: permissions?.unknownSince ?? null,
    permissionsUnknownReason: permissions?.unknownReason ?? null,
    /** Fields and collections not kept current, with since when and the permission that brings them back. */
    staleFields,
    lastSyncAt: row.last_sync_at,
    lastSuccessAt: row.last_success_at,
    nextSyncAt: row.status === "disabled" ? null : row.next_sync_at,
    createdAt: row.created_at,
    currentRun: currentRun
      ? { id: currentRun.id, startedAt: currentRun.started_at, trigger: currentRun.trigger, counts: currentRun.counts }
      : null,
    lastRun: lastRun
      ? {
          id: lastRun.id,
          status: lastRun.status,
          startedAt: lastRun.started_at,
          finishedAt: lastRun.finished_at,
          counts: lastRun.counts,
          errorKind: lastRun.error_kind,
          errorMessage: lastRun.error_message,
        }
      : null,
  };
}

export type PermissionState = "granted" | "missing" | "unknown";
export type ConnectionHealth = "healthy" | "partial" | "failing" | "disabled";

function healthOf(status: ConnectionStatus, stale: readonly { lost: boolean }[]): ConnectionHealth {
  if (status === "disabled") return "disabled";
  if (status === "failing") return "failing";
  return stale.some((s) => s.lost) ? "partial" : "healthy";
}

export async function listConnections(deps: ConnectionDeps, organisationId: string) {
  const rows = await deps.db
    .selectFrom("connections")
    .select([
      "id",
      "connector_id",
      "display_name",
      "status",
      "consecutive_failures",
      "last_sync_at",
      "last_success_at",
      "next_sync_at",
    ])
    .where("organisation_id", "=", organisationId)
    .orderBy("created_at")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    connectorId: r.connector_id,
    displayName: r.display_name,
    status: r.status,
    consecutiveFailures: r.consecutive_failures,
    lastSyncAt: r.last_sync_at,
    lastSuccessAt: r.last_success_at,
    nextSyncAt: r.status === "disabled" ? null : r.next_sync_at,
  }));
}

/** Sync history, newest first, with per-stream counts and how many errors each run recorded. */
export async function listRuns(db: Db, organisationId: string, connectionId: string, limit = 25) {
  const rows = await db
    .selectFrom("sync_runs as r")
    .select((eb) => [
      "r.id",
      "r.trigger",
      "r.status",
      "r.attempts",
      "r.started_at",
      "r.finished_at",
      "r.counts",
      "r.error_kind",
      "r.error_message",
      "r.stale",
      eb
        .selectFrom("sync_errors as e")
        .whereRef("e.run_id", "=", "r.id")
        .select((x) => x.fn.countAll<number>().as("n"))
        .as("error_count"),
    ])
    .where("r.connection_id", "=", connectionId)
    .where("r.organisation_id", "=", organisationId)
    .orderBy("r.started_at", "desc")
    .limit(Math.min(limit, 100))
    .execute();
  return rows.map((r) => ({
    id: r.id,
    trigger: r.trigger,
    status: r.status,
    attempts: r.attempts,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    counts: r.counts,
    totals: totals(r.counts),
    errorKind: r.error_kind,
    errorMessage: r.error_message,
    errorCount: Number(r.error_count ?? 0),
    /** Lost permissions left data stale: the run succeeded, with warnings. */
    warnings: ((r.stale as StaleField[] | null) ?? []).filter((f) => f.lost).length,
  }));
}

/** One run with its errors: the "View errors" page. */
export async function getRun(db: Db, organisationId: string, runId: string) {
  const run = await db
    .selectFrom("sync_runs")
    .selectAll()
    .where("id", "=", runId)
    .where("organisation_id", "=", organisationId)
    .executeTakeFirst();
  if (!run) throw new ConnectionError("not_found", "No such sync run in this organisation");
  const errors = await db
    .selectFrom("sync_errors")
    .select(["id", "stream", "remote_id", "kind", "message", "hint", "created_at"])
    .where("run_id", "=", run.id)
    .orderBy("id")
    .limit(500)
    .execute();
  return {
    id: run.id,
    connectionId: run.connection_id,
    trigger: run.trigger,
    status: run.status,
    attempts: run.attempts,
    startedAt: run.started_at,
    finishedAt: run.finished_at,
    counts: run.counts,
    totals: totals(run.counts),
    errorKind: run.error_kind,
    errorMessage: run.error_message,
    /** What this run did not keep current, and why (the permission that would bring it back). */
    stale: (run.stale as StaleField[] | null) ?? [],
    permissionChange: (run.permission_change as PermissionChange | null) ?? null,
    errors: errors.map((e) => ({
      id: e.id,
      stream: e.stream,
      remoteId: e.remote_id,
      kind: e.kind,
      message: e.message,
      hint: e.hint,
      at: e.created_at,
    })),
  };
}

/** Emails sent (or waiting) about a connection. */
export async function listConnectionEmails(db: Db, organisationId: string, connectionId: string, limit = 50) {
  const rows = await db
    .selectFrom("email_outbox")
    .select(["id", "kind", "to", "subject", "status", "attempts", "created_at", "sent_at"])
    .where("connection_id", "=", connectionId)
    .where("organisation_id", "=", organisationId)
    .orderBy("created_at", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    to: r.to,
    subject: r.subject,
    status: r.status,
    attempts: r.attempts,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  }));
}
