import { type EmailContent, formatUtc, renderEmail } from "./render";

export interface ConnectionDisabledEmail {
  connectionName: string;
  disabledAt: Date;
  consecutiveFailures: number;
  /** The last error's kind in people's words, e.g. "Token rejected". */
  errorLabel: string;
  errorMessage: string;
  /** What to do about it, in words, when the connector gave one. */
  hint: string | null;
  runUrl: string;
  connectionUrl: string;
  /** The settings page where the cause is fixed and the connection re-enabled. */
  settingsUrl: string;
}

export function connectionDisabled(input: ConnectionDisabledEmail): EmailContent {
  return renderEmail(`Connection disabled: ${input.connectionName}`, {
    intro: [
      `${input.connectionName} was disabled at ${formatUtc(input.disabledAt)} after ${input.consecutiveFailures} failed syncs in a row. Roster will not sync it again until an owner re-enables it.`,
      ...(input.hint ? [`What to do: ${input.hint} Then re-enable the connection in Settings.`] : []),
    ],
    facts: [
      ["Connection", input.connectionName],
      ["Disabled at", formatUtc(input.disabledAt)],
      ["Last problem", input.errorLabel],
      ["Message", input.errorMessage],
    ],
    action: { label: "Fix and re-enable in Settings", url: input.settingsUrl },
    links: [
      { label: "View errors", url: input.runUrl },
      { label: "Sync history", url: input.connectionUrl },
    ],
    outro: [
      "Once the cause is fixed (for example a revoked or expired access token), an owner re-enables the connection in Settings; it then syncs at once.",
    ],
  });
}
