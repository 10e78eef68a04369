import { type EmailContent, formatUtc, renderEmail } from "./render";

export interface ConnectionDisabledEmail {
  connectionName: string;
  disabledAt: Date;
  consecutiveFailures: number;
  errorKind: string;
  errorMessage: string;
  runUrl: string;
  connectionUrl: string;
}

export function connectionDisabled(input: ConnectionDisabledEmail): EmailContent {
  return renderEmail(`Connection disabled: ${input.connectionName}`, {
    intro: [
      `${input.connectionName} was disabled at ${formatUtc(input.disabledAt)} after ${input.consecutiveFailures} failed syncs in a row. Roster will not sync it again until an owner re-enables it.`,
    ],
    facts: [
      ["Connection", input.connectionName],
      ["Disabled at", formatUtc(input.disabledAt)],
      ["Last error", input.errorKind],
      ["Message", input.errorMessage],
    ],
    action: { label: "View errors", url: input.runUrl },
    outro: [
      `Once the cause is fixed (for example a revoked or expired access token), an owner can re-enable the connection at ${input.connectionUrl}; it then syncs at once.`,
    ],
  });
}
