import type { Logger } from "@roster/logger";
import type { MailCatcher } from "./mail-catcher";

/** Sandbox: a person watching the logs sees every email that would have gone out. */
export function logCaughtEmails(catcher: MailCatcher, log: Logger): () => void {
  return catcher.onMessage((message) => {
    log.info(
      { emailId: message.id, to: message.to, subject: message.subject },
      `email caught: "${message.subject}" to ${message.to.join(", ")}`,
    );
  });
}
