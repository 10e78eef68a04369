import { type EmailContent, formatUtc, renderEmail } from "./render";

export interface SyncFailedEmail {
  connectionName: string;
  failedAt: Date;
  /** The error kind in people's words, e.g. "Token rejected" (never the code). */
  errorLabel: string;
  errorMessage: string;
  /** What to do about it, in words (the run's hint), when the connector gave one. */
  hint: string | null;
  /** The form that fixes it (e.g. the rotate form for a rejected token), when there is one. */
  fix: { label: string; url: string } | null;
  /** `${PUBLIC_URL}/connections/<id>/runs/<runId>` */
  runUrl: string;
  nextRetryAt: Date;
  /** Failed attempts in a row after which the connection is disabled. */
  maxConsecutiveFailures: number;
}

/** Sent once per failure episode (the first failure after a success), not per attempt. */
export function syncFailed(input: SyncFailedEmail): EmailContent {
  const viewErrors = { label: "View errors", url: input.runUrl };
  return renderEmail(`Sync failed: ${input.connectionName}`, {
    intro: [
      `The sync of ${input.connectionName} failed at ${formatUtc(input.failedAt)}.`,
      ...(input.hint ? [`What to do: ${input.hint}`] : []),
    ],
    facts: [
      ["Connection", input.connectionName],
      ["Failed at", formatUtc(input.failedAt)],
      ["Problem", input.errorLabel],
      ["Message", input.errorMessage],
      ["Next retry", formatUtc(input.nextRetryAt)],
    ],
    action: input.fix ?? viewErrors,
    ...(input.fix ? { links: [viewErrors] } : {}),
    outro: [
      `Roster retries automatically. After ${input.maxConsecutiveFailures} failed attempts in a row the connection is disabled and you will get one more email. You get no email for the retries in between, and one when the connection works again.`,
    ],
  });
}
