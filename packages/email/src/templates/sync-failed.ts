import { type EmailContent, formatUtc, renderEmail } from "./render";

export interface SyncFailedEmail {
  connectionName: string;
  failedAt: Date;
  errorKind: string;
  errorMessage: string;
  /** `${PUBLIC_URL}/connections/<id>/runs/<runId>` */
  runUrl: string;
  nextRetryAt: Date;
  /** Failed attempts in a row after which the connection is disabled. */
  maxConsecutiveFailures: number;
}

/** Sent once per failure episode (the first failure after a success), not per attempt. */
export function syncFailed(input: SyncFailedEmail): EmailContent {
  return renderEmail(`Sync failed: ${input.connectionName}`, {
    intro: [`The sync of ${input.connectionName} failed at ${formatUtc(input.failedAt)}.`],
    facts: [
      ["Connection", input.connectionName],
      ["Failed at", formatUtc(input.failedAt)],
      ["Error", input.errorKind],
      ["Message", input.errorMessage],
      ["Next retry", formatUtc(input.nextRetryAt)],
    ],
    action: { label: "View errors", url: input.runUrl },
    outro: [
      `Roster retries automatically. After ${input.maxConsecutiveFailures} failed attempts in a row the connection is disabled and you will get one more email. You get no email for the retries in between, and one when the connection works again.`,
    ],
  });
}
