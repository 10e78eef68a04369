import type { Database, Kysely } from "@roster/db";
import { dashboardUrl, enqueueEmail, exportFailed } from "@roster/email";
import type { HireConnection } from "./connection";

/**
 * Who hears about a failed export: the contact chosen in the connection's settings (while
 * still a member of the organisation), else the connection's notification email, else the
 * organisation's owners.
 */
export async function failureRecipients(
  db: Kysely<Database>,
  connection: Pick<HireConnection, "organisationId" | "settings" | "notificationEmail">,
): Promise<string[]> {
  const members = db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select("users.email")
    .where("memberships.organisation_id", "=", connection.organisationId);
  if (connection.settings.contactUserId) {
    const contact = await members.where("users.id", "=", connection.settings.contactUserId).executeTakeFirst();
    if (contact) return [contact.email];
  }
  if (connection.notificationEmail) return [connection.notificationEmail];
  return (await members.where("memberships.role", "=", "owner").execute()).map((r) => r.email);
}

/**
 * Queues the "export failed" email through the outbox, in the caller's transaction. The
 * dedupe key is the transfer chain: one email per candidate failure episode, however many
 * retries follow.
 */
export async function notifyExportFailure(
  db: Kysely<Database>,
  input: {
    connection: Pick<HireConnection, "id" | "organisationId" | "settings" | "notificationEmail">;
    transferId: string;
    candidateName: string;
    reason: string;
    publicUrl: string;
    /** The HRIS the hire was on its way to. */
    targetName: string;
  },
): Promise<void> {
  const to = await failureRecipients(db, input.connection);
  if (to.length === 0) return;
  const content = exportFailed({
    candidateName: input.candidateName,
    reason: input.reason,
    url: dashboardUrl(input.publicUrl, "connections", input.connection.id, "hires"),
    connectionName: input.targetName,
  });
  await enqueueEmail(db, {
    organisationId: input.connection.organisationId,
    connectionId: input.connection.id,
    kind: "export_failed",
    to,
    subject: content.subject,
    text: content.text,
    html: content.html,
    dedupeKey: `export_failed:${input.transferId}`,
  });
}
