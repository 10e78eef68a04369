import type { Database, Kysely } from "@roster/db";

/**
 * What happened, in `<target>.<verb>` form. Members, invites and organisations write
 * these; @roster/connections writes the connection ones ("connection.created", …).
 */
export type AuditAction =
  | "organisation.created"
  | "organisation.renamed"
  | "member.role_changed"
  | "member.sensitive_granted"
  | "member.sensitive_revoked"
  | "member.removed"
  | "invite.created"
  | "invite.revoked"
  | "invite.accepted"
  | "directory.exported"
  | `connection.${string}`
  | `credentials.${string}`;

/**
 * Who did it, when no signed-in user did: the `roster` command, run by whoever operates the
 * deployment. Its rows have no actor user and carry `via: "cli"` in their details.
 */
export const CLI_VIA = "cli";

export interface AuditEntry {
  organisationId: string;
  /** Who did it; null for the system (a worker, a webhook) or the `roster` command (with `via`). */
  actorUserId: string | null;
  /** Set when the `roster` command did it; written into the details. */
  via?: typeof CLI_VIA;
  action: AuditAction;
  targetType: "organisation" | "member" | "invite" | "connection" | "credentials" | "directory";
  targetId: string | null;
  /** Plain facts for the log page (old/new role, email). Never secrets. */
  details?: Record<string, unknown>;
}

/**
 * Writes one audit row. Pass the transaction of the change itself, so the change and
 * its record commit (or roll back) together.
 */
export async function recordAudit(trx: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto("audit_log")
    .values({
      organisation_id: entry.organisationId,
      actor_user_id: entry.actorUserId,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      details: JSON.stringify({ ...entry.details, ...(entry.via ? { via: entry.via } : {}) }),
    })
    .execute();
}
