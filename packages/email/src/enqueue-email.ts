import type { Database, Kysely } from "@roster/db";
import { addJobsInTransaction } from "./job-queue";

export type EmailKind =
  | "sync_failed"
  | "connection_disabled"
  | "connection_restored"
  | "permissions_lost"
  | "permissions_restored"
  | "invite"
  | "export_failed"
  | "issue_opened"
  | "issue_resolved"
  | "connect_link";

export interface EmailToEnqueue {
  organisationId: string | null;
  connectionId?: string | null;
  kind: EmailKind;
  to: readonly string[];
  subject: string;
  text: string;
  html: string;
  /** A second email with the same key is dropped: one email per failure episode, per invite… */
  dedupeKey?: string | null;
}

export interface EnqueuedEmail {
  id: string;
  /** False when graphile-worker's schema is not installed yet; the worker's sweep delivers it then. */
  jobAdded: boolean;
}

/** Payload of the worker's `send_email` task. */
export interface SendEmailPayload {
  outboxId: string;
}

/** One job per outbox row: a re-add (by the sweep) replaces a waiting job instead of doubling it. */
export const sendEmailJobKey = (outboxId: string) => `send_email:${outboxId}`;

/** Trims and drops duplicate addresses (case-insensitively), keeping the first spelling. */
export function uniqueRecipients(addresses: readonly string[]): string[] {
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const raw of addresses) {
    const address = raw.trim();
    const key = address.toLowerCase();
    if (address === "" || seen.has(key)) continue;
    seen.add(key);
    unique.push(address);
  }
  return unique;
}

/**
 * Writes an email to `email_outbox` in the caller's transaction and, in the same
 * transaction, queues the worker's `send_email` job for it, so the email exists if and
 * only if the change that caused it commits, and delivery starts at once.
 *
 * Returns null when an email with the same `dedupeKey` already exists.
 * Requires graphile-worker's schema for the prompt delivery (apps/worker installs it at
 * start); without it the row stays pending and the worker's `sweep_outbox` delivers it.
 */
export async function enqueueEmail(db: Kysely<Database>, email: EmailToEnqueue): Promise<EnqueuedEmail | null> {
  const to = uniqueRecipients(email.to);
  if (to.length === 0) throw new Error(`enqueueEmail(${email.kind}): no recipients`);
  const row = await db
    .insertInto("email_outbox")
    .values({
      organisation_id: email.organisationId,
      connection_id: email.connectionId ?? null,
      kind: email.kind,
      to,
      subject: email.subject,
      text_body: email.text,
      html_body: email.html,
      dedupe_key: email.dedupeKey ?? null,
    })
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!row) return null;
  const payload: SendEmailPayload = { outboxId: row.id };
  const jobAdded = await addJobsInTransaction(db, [{ identifier: "send_email", payload, jobKey: sendEmailJobKey(row.id) }]);
  return { id: row.id, jobAdded };
}
