import { randomUUID } from "node:crypto";
import { disableConnection, enableConnection, requestSyncNow } from "@roster/connection-policy";
import { secretFieldNames, type VerifyResult } from "@roster/core";
import type { StoredPermissions } from "@roster/db";
import { decryptJson, encryptJson, secretHint } from "@roster/secrets";
import { emitConnectionCreated, recordConnectionPermissions } from "@roster/webhooks";
import { auditConnection } from "./audit";
import { type Actor, type ConnectionDeps, ConnectionError } from "./deps";
import { permissionEffects } from "./permission-effects";
import { findConnector, stripEmpty, verifyCredentials } from "./verify-credentials";

function hintFor(
  connector: { manifest: { credentials: Parameters<typeof secretFieldNames>[0] } },
  credentials: Record<string, unknown>,
): string | null {
  const field = secretFieldNames(connector.manifest.credentials)[0];
  const value = field ? credentials[field] : undefined;
  return typeof value === "string" ? secretHint(value) : null;
}

/** What a successful verify says, as connections.permissions keeps it. */
function storedPermissions(verify: VerifyResult): StoredPermissions {
  return { granted: verify.granted, missing: verify.missing, checkedAt: new Date().toISOString() };
}

async function ownedConnection(deps: ConnectionDeps, actor: Actor, connectionId: string) {
  const row = await deps.db
    .selectFrom("connections")
    .selectAll()
    .where("id", "=", connectionId)
    .where("organisation_id", "=", actor.organisationId)
    .executeTakeFirst();
  if (!row) throw new ConnectionError("not_found", "No such connection in this organisation");
  return row;
}

/**
 * Settings → HRIS integration → Save (or a connect link, or the command line): verifies the
 * credentials with a real request first; only then stores them (encrypted, bound to the new
 * row) and queues the first sync, in one transaction with its audit entry, the link it came
 * through (which is then spent) and the connection.created webhook event.
 */
export async function createConnection(
  deps: ConnectionDeps,
  actor: Actor,
  input: { connectorId: string; credentials: Record<string, unknown>; notificationEmail: string | null },
) {
  if (findConnector(deps, input.connectorId).manifest.kind !== "hris") {
    throw new ConnectionError("invalid", "Only an HRIS is connected here; an ATS is set up with where its hires go");
  }
  const existing = await deps.db
    .selectFrom("connections")
    .select("id")
    .where("organisation_id", "=", actor.organisationId)
    .where("connector_id", "=", input.connectorId)
    .executeTakeFirst();
  if (existing) throw new ConnectionError("conflict", "This organisation already has this integration: rotate its token instead");
  const { connector, credentials, verify } = await verifyCredentials(deps, input.connectorId, input.credentials);
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("connections")
      .values({
        id,
        organisation_id: actor.organisationId,
        connector_id: connector.manifest.id,
        display_name: `${connector.manifest.name} — ${verify.account.name}`,
        credentials_encrypted: encryptJson(credentials, deps.encryptionKey, id),
        credentials_hint: hintFor(connector, credentials),
        notification_email: input.notificationEmail,
        account: JSON.stringify(verify.account),
        permissions: JSON.stringify(storedPermissions(verify)),
      })
      .execute();
    await auditConnection(trx, actor, "connection.created", id, {
      connector: connector.manifest.id,
      account: verify.account.name,
    });
    const connectLinkId = "connectLinkId" in actor ? actor.connectLinkId : null;
    if (connectLinkId) {
      await trx.updateTable("connect_links").set({ connection_id: id }).where("id", "=", connectLinkId).execute();
    }
    await emitConnectionCreated(
      trx,
      { id, organisation_id: actor.organisationId, connector_id: connector.manifest.id },
      { how: actor.userId === null ? actor.via : "dashboard", connectLinkId },
    );
    await requestSyncNow(trx, id, "initial", new Date(), actor.requestId);
  });
  return { connectionId: id, verify };
}

/**
 * A fresh token replaces the old one in place: same connection, same history and data. It is
 * verified first and must reach the same account; a failing or disabled connection is
 * re-enabled and synced at once, since a new token is the usual cure.
 */
export async function rotateCredentials(
  deps: ConnectionDeps,
  actor: Actor,
  connectionId: string,
  input: Record<string, unknown>,
  options: { confirmFewerPermissions?: boolean } = {},
) {
  const row = await ownedConnection(deps, actor, connectionId);
  const previous = decryptJson<Record<string, unknown>>(row.credentials_encrypted, deps.encryptionKey, row.id);
  const { connector, credentials, verify } = await verifyCredentials(deps, row.connector_id, {
    ...previous,
    ...stripEmpty(input),
  });
  // Against the last known grants, even when they could not be checked since (a revoked token).
  const lost = ((row.permissions as StoredPermissions | null)?.granted ?? []).filter((p) => !verify.granted.includes(p));
  if (lost.length > 0 && !options.confirmFewerPermissions) {
    const effects = permissionEffects(connector, lost);
    const stops = [...new Set(effects.flatMap((e) => e.feeds))];
    throw new ConnectionError(
      "confirm_required",
      `This token lacks ${effects.map((e) => `"${e.label}"`).join(", ")}, which the current one grants. ${
        stops.length > 0 ? `Roster would keep what it has but stop updating: ${stops.join(", ")}.` : ""
      }`.trim(),
      {
        lost: effects,
        hint: `Grant those permissions to the new token, or confirm to use it anyway.`,
      },
    );
  }
  const account = row.account as { id: string; name: string } | null;
  if (account && account.id !== verify.account.id) {
    throw new ConnectionError(
      "conflict",
      `This token belongs to ${verify.account.name}, but the connection syncs ${account.name}`,
      {
        hint: "Use a token of the same company, or delete this integration and connect the other company.",
      },
    );
  }
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("connections")
      .set({
        credentials_encrypted: encryptJson(credentials, deps.encryptionKey, row.id),
        credentials_hint: hintFor(connector, credentials),
        updated_at: new Date(),
      })
      .where("id", "=", row.id)
      .execute();
    await recordConnectionPermissions(trx, row.id, storedPermissions(verify));
    await auditConnection(
      trx,
      actor,
      "connection.credentials_rotated",
      row.id,
      lost.length > 0 ? { permissionsLost: lost } : undefined,
    );
    if (row.status === "active") await requestSyncNow(trx, row.id, "rotation", new Date(), actor.requestId);
    else await enableConnection(trx, row.id, new Date(), "rotation", actor.requestId);
  });
  return { verify };
}

export async function setNotificationEmail(deps: ConnectionDeps, actor: Actor, connectionId: string, email: string | null) {
  const row = await ownedConnection(deps, actor, connectionId);
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("connections")
      .set({ notification_email: email, updated_at: new Date() })
      .where("id", "=", row.id)
      .execute();
    await auditConnection(trx, actor, "connection.notification_email_changed", row.id, { email });
  });
}

export async function disableByOwner(deps: ConnectionDeps, actor: Actor, connectionId: string) {
  const row = await ownedConnection(deps, actor, connectionId);
  await deps.db.transaction().execute(async (trx) => {
    await disableConnection(trx, row.id, "Disabled by an owner");
    await auditConnection(trx, actor, "connection.disabled", row.id);
  });
}

export async function enableByOwner(deps: ConnectionDeps, actor: Actor, connectionId: string) {
  const row = await ownedConnection(deps, actor, connectionId);
  await deps.db.transaction().execute(async (trx) => {
    await enableConnection(trx, row.id, new Date(), "manual", actor.requestId);
    await auditConnection(trx, actor, "connection.enabled", row.id);
  });
}

export async function syncNow(deps: ConnectionDeps, actor: Actor, connectionId: string) {
  const row = await ownedConnection(deps, actor, connectionId);
  const result = await deps.db.transaction().execute(async (trx) => {
    const queued = await requestSyncNow(trx, row.id, "manual", new Date(), actor.requestId);
    if (queued === "queued") await auditConnection(trx, actor, "connection.sync_requested", row.id);
    return queued;
  });
  if (result === "disabled") throw new ConnectionError("conflict", "The connection is disabled: re-enable it to sync");
  return result;
}

/** Deletes the integration and its synced data (cascade); the audit entry stays. */
export async function deleteConnection(deps: ConnectionDeps, actor: Actor, connectionId: string) {
  const row = await ownedConnection(deps, actor, connectionId);
  await deps.db.transaction().execute(async (trx) => {
    await disableConnection(trx, row.id, "Deleted");
    await auditConnection(trx, actor, "connection.deleted", row.id, { connector: row.connector_id, name: row.display_name });
    await trx.deleteFrom("connections").where("id", "=", row.id).execute();
  });
}
