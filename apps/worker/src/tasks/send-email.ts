import { isPermanentSmtpError } from "@roster/email";
import type { Task } from "graphile-worker";
import { z } from "zod";
import type { WorkerDeps } from "../deps";

export const sendEmailPayload = z.object({ outboxId: z.string().uuid() });

/** After this many failed deliveries a row is given up (status failed), as graphile gives up its job. */
export const MAX_DELIVERY_ATTEMPTS = 25;

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Delivers one outbox row. Idempotent per row: a sent row is skipped, and the row stays
 * locked while SMTP runs so a second job for it (the sweep's) cannot send it twice.
 * On an SMTP failure the row stays pending with attempts + 1, and the task throws after
 * committing that, so graphile retries with exponential backoff.
 */
export function sendEmail(deps: Pick<WorkerDeps, "db" | "mailer" | "config" | "log">): Task<"send_email"> {
  return async (payload, helpers) => {
    const { outboxId } = sendEmailPayload.parse(payload);
    const mailer = deps.mailer;
    if (!mailer) throw new Error("SMTP_URL is not set: the email stays pending until an SMTP server is configured");
    const log = deps.log.child({ task: "send_email", outboxId, jobId: helpers.job.id });

    const retryableFailure = await deps.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom("email_outbox")
        .selectAll()
        .where("id", "=", outboxId)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      // Missing, being delivered right now by another job, or already done.
      if (row?.status !== "pending") return null;
      try {
        await mailer.send({
          from: deps.config.EMAIL_FROM,
          to: row.to,
          subject: row.subject,
          text: row.text_body,
          html: row.html_body,
          messageId: `<${row.id}@roster>`,
        });
      } catch (error) {
        const attempts = row.attempts + 1;
        const giveUp = isPermanentSmtpError(error) || attempts >= MAX_DELIVERY_ATTEMPTS;
        await trx
          .updateTable("email_outbox")
          .set({ attempts, last_error: errorText(error), status: giveUp ? "failed" : "pending" })
          .where("id", "=", row.id)
          .execute();
        log.warn(
          { err: error, attempts, giveUp, kind: row.kind },
          giveUp ? "email delivery gave up" : "email delivery failed; will retry",
        );
        return giveUp ? null : error;
      }
      await trx
        .updateTable("email_outbox")
        .set({ status: "sent", sent_at: new Date(), last_error: null })
        .where("id", "=", row.id)
        .execute();
      log.info({ kind: row.kind, to: row.to, subject: row.subject }, "email sent");
      return null;
    });
    if (retryableFailure) throw retryableFailure;
  };
}
