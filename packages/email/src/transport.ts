import nodemailer from "nodemailer";

export interface OutgoingEmail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** A stable Message-ID lets receivers drop a copy if a delivery is ever repeated. */
  messageId?: string;
}

export interface SentEmail {
  messageId: string;
  accepted: string[];
  rejected: string[];
}

/** The one thing the worker needs from an SMTP client. */
export interface Mailer {
  send(email: OutgoingEmail): Promise<SentEmail>;
  close(): void;
}

const asAddresses = (list: unknown): string[] =>
  Array.isArray(list) ? list.map((a) => (typeof a === "string" ? a : String((a as { address?: string }).address))) : [];

/**
 * An SMTP mailer for `SMTP_URL` (smtp:// or smtps://, credentials in the URL).
 * Short timeouts: a dead server fails the attempt quickly and the job retries later.
 */
export function createTransport(smtpUrl: string): Mailer {
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(email) {
      const info = await transporter.sendMail({
        from: email.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        ...(email.messageId ? { messageId: email.messageId } : {}),
      });
      return { messageId: info.messageId, accepted: asAddresses(info.accepted), rejected: asAddresses(info.rejected) };
    },
    close: () => transporter.close(),
  };
}

/** SMTP 5xx replies are permanent (bad recipient, message refused): retrying cannot help. */
export function isPermanentSmtpError(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}
