import type { Database, Kysely } from "@roster/db";

/**
 * What happened, in `<target>.<verb>` form. Members, invites and organisations write
 * these today; connection and credential changes add theirs (e.g. "connection.created",
 * "credentials.rotated") with the later connection routers.
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
  | `connection.${string}`
  | `credentials.${string}`;

export interface AuditEntry {
  organisationId: string;
  /** Who did it; null for the system (a worker, a webhook). */
  actorUserId: string | null;
  action: AuditAction;
  targetType: "organisation" | "member" | "invite" | "connection" | "credentials";
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
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}
