import type { Config } from "@roster/config";
import { createTransport, logCaughtEmails, type MailCatcher, type Mailer, startMailCatcher } from "@roster/email";
import type { Logger } from "@roster/logger";

export interface MailDelivery {
  mailer: Mailer | null;
  stop(): Promise<void>;
}

const SANDBOX_SMTP_PORT = 1025;
const SANDBOX_HTTP_PORT = 1080;

async function startSandboxCatcher(log: Logger): Promise<MailCatcher> {
  try {
    return await startMailCatcher({ port: SANDBOX_SMTP_PORT, httpPort: SANDBOX_HTTP_PORT });
  } catch (error) {
    if ((error as { code?: string }).code !== "EADDRINUSE") throw error;
    log.warn(`ports ${SANDBOX_SMTP_PORT}/${SANDBOX_HTTP_PORT} are taken; the mail catcher uses free ports instead`);
    return startMailCatcher({ port: 0, httpPort: 0 });
  }
}

/**
 * SMTP_URL set: deliver there. Sandbox without SMTP_URL: catch every email in-process and
 * log it, so a person trying Roster sees what would have been sent. Otherwise no mailer:
 * emails wait in the outbox until SMTP_URL is configured.
 */
export async function startMailDelivery(config: Pick<Config, "SMTP_URL" | "SANDBOX">, log: Logger): Promise<MailDelivery> {
  if (config.SMTP_URL) {
    const mailer = createTransport(config.SMTP_URL);
    return { mailer, stop: async () => mailer.close() };
  }
  if (config.SANDBOX) {
    const catcher = await startSandboxCatcher(log);
    logCaughtEmails(catcher, log.child({ component: "mail-catcher" }));
    log.info(`sandbox: emails are caught, not sent; inbox at http://127.0.0.1:${catcher.httpPort}/messages`);
    const mailer = createTransport(catcher.smtpUrl);
    return {
      mailer,
      async stop() {
        mailer.close();
        await catcher.stop();
      },
    };
  }
  log.warn("SMTP_URL is not set: emails stay pending in email_outbox until it is");
  return { mailer: null, stop: async () => {} };
}
