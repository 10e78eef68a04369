import type { Database, Kysely, PermissionChange, StaleField } from "@roster/db";
import {
  connectionUrl,
  type EmailKind,
  enqueueEmail,
  type PermissionEffect,
  permissionsLost,
  permissionsRestored,
} from "@roster/email";
import type { ConnectionRow } from "./connection-row";
import type { PolicyConfig } from "./deps";

/** Stale fields grouped by the permission that feeds them, in the words of the provider and of people. */
function effects(fields: readonly StaleField[]): PermissionEffect[] {
  const byPermission = new Map<string, PermissionEffect>();
  for (const field of fields) {
    const effect = byPermission.get(field.permission) ?? { permission: field.permissionLabel ?? field.permission, feeds: [] };
    if (!effect.feeds.includes(field.label)) effect.feeds.push(field.label);
    byPermission.set(field.permission, effect);
  }
  return [...byPermission.values()];
}

/**
 * One email when a run found the token lost permissions it had, one when it found them
 * granted again (sync-engine's stale-fields.ts records the change on the run). Keyed by run
 * and kind: re-applying an outcome never sends either twice. Returns the kinds queued.
 */
export async function enqueuePermissionEmails(
  db: Kysely<Database>,
  connection: Pick<ConnectionRow, "id" | "organisation_id" | "display_name">,
  runId: string,
  recipients: readonly string[],
  now: Date,
  config: PolicyConfig,
): Promise<EmailKind[]> {
  if (recipients.length === 0) return [];
  const run = await db.selectFrom("sync_runs").select("permission_change").where("id", "=", runId).executeTakeFirst();
  const change = run?.permission_change as PermissionChange | null | undefined;
  if (!change) return [];
  const queued: EmailKind[] = [];
  const url = connectionUrl(config.PUBLIC_URL, connection.id);
  for (const [kind, fields, template] of [
    ["permissions_lost", change.lost, permissionsLost],
    ["permissions_restored", change.restored, permissionsRestored],
  ] as const) {
    if (fields.length === 0) continue;
    const content = template({
      connectionName: connection.display_name,
      at: now,
      permissions: effects(fields),
      connectionUrl: url,
    });
    const email = await enqueueEmail(db, {
      organisationId: connection.organisation_id,
      connectionId: connection.id,
      kind,
      to: recipients,
      ...content,
      dedupeKey: `${kind}:${connection.id}:${runId}`,
    });
    if (email) queued.push(kind);
  }
  return queued;
}
