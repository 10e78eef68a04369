import type { Database, Kysely } from "@roster/db";

export interface OutgoingEmail {
  organisationId: string | null;
  kind: string;
  to: string[];
  subject: string;
  textBody: string;
  htmlBody: string;
  /** Same key, one email: a retried request cannot send twice. */
  dedupeKey: string;
}

/**
 * Queues an email in the outbox, inside the caller's transaction: the worker delivers
 * it only once the change that caused it has committed.
 */
export async function enqueueEmail(trx: Kysely<Database>, email: OutgoingEmail): Promise<void> {
  await trx
    .insertInto("email_outbox")
    .values({
      organisation_id: email.organisationId,
      connection_id: null,
      kind: email.kind,
      to: email.to,
      subject: email.subject,
      text_body: email.textBody,
      html_body: email.htmlBody,
      dedupe_key: email.dedupeKey,
    })
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .execute();
}
