import { type EmailContent, formatUtc, renderEmail } from "./render";

export interface ConnectionRestoredEmail {
  connectionName: string;
  restoredAt: Date;
  connectionUrl: string;
}

/** Closes an episode that a failure email opened. */
export function connectionRestored(input: ConnectionRestoredEmail): EmailContent {
  return renderEmail(`Connection restored: ${input.connectionName}`, {
    intro: [
      `${input.connectionName} synced successfully at ${formatUtc(input.restoredAt)}. The earlier problem is resolved and regular syncs continue.`,
    ],
    facts: [
      ["Connection", input.connectionName],
      ["Synced at", formatUtc(input.restoredAt)],
    ],
    action: { label: "View connection", url: input.connectionUrl },
  });
}
