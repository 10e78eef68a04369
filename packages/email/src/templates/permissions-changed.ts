import { type EmailContent, formatUtc, renderEmail } from "./render";

/** One permission, in the provider's words, and what Roster reads through it, in people's words. */
export interface PermissionEffect {
  permission: string;
  feeds: string[];
}

export interface PermissionsChangedEmail {
  connectionName: string;
  at: Date;
  permissions: PermissionEffect[];
  /** `${PUBLIC_URL}/connections/<id>`: lists what is not kept current, with the rotate form's link. */
  connectionUrl: string;
}

const lines = (permissions: PermissionEffect[]) =>
  permissions.map(({ permission, feeds }) => `${permission}: ${feeds.join(", ")}`);

/** Sent once when a sync finds the token lost permissions it had: the data it fed is no longer kept current. */
export function permissionsLost(input: PermissionsChangedEmail): EmailContent {
  return renderEmail(`Permissions removed: ${input.connectionName}`, {
    intro: [
      `The token of ${input.connectionName} no longer grants some permissions it had. Roster kept everything it had stored for them, but stopped updating it at ${formatUtc(input.at)}:`,
      ...lines(input.permissions),
    ],
    action: { label: "See what is not kept current", url: input.connectionUrl },
    outro: [
      `To bring it back, grant these permissions to the token at the provider (or create a new token with them) and paste it under "Rotate token" on the connection's settings. If they were removed on purpose, there is nothing to do: you will not get this email again for them.`,
    ],
  });
}

/** Sent once when a sync finds permissions granted again: their data is current again after that sync. */
export function permissionsRestored(input: PermissionsChangedEmail): EmailContent {
  return renderEmail(`Permissions restored: ${input.connectionName}`, {
    intro: [
      `The token of ${input.connectionName} grants these permissions again, and the sync of ${formatUtc(input.at)} brings their data up to date:`,
      ...lines(input.permissions),
    ],
    action: { label: "Open the connection", url: input.connectionUrl },
  });
}
