import type { Connector, ImportHireAction } from "@roster/core";
import type { Db } from "@roster/db";
import { connectors, findConnector } from "@roster/registry";
import { decryptCredentials, type HireConnection } from "./connection";

/** Where a connection's hires go: an HRIS connector's importHire with the credentials it runs with. */
export interface ExportTarget {
  connector: Connector;
  action: ImportHireAction;
  /** The HRIS connection chosen in the settings; null for the import channel entered with the ATS connection. */
  connectionId: string | null;
  credentials: Record<string, unknown>;
}

export type TargetResolution = { ok: true; target: ExportTarget } | { ok: false; problem: string };

const importHireOf = (connector: Connector | undefined): ImportHireAction | undefined => connector?.actions?.importHire;

/** Connectors whose importHire runs through an import channel with credentials of its own (not the connection's API). */
export function channelConnectors(): Connector[] {
  return connectors.filter((c) => importHireOf(c)?.credentials !== undefined);
}

/**
 * The export target of an ATS connection. With `exportTo` set: that HRIS connection of the
 * same organisation, its importHire running with the connection's credentials, or, for an
 * import channel with credentials of its own, those found with the HRIS connection or else
 * with the ATS connection. Without: the import channel whose credentials were entered with
 * the ATS connection.
 */
export async function resolveExportTarget(
  db: Db,
  encryptionKey: string,
  connection: Pick<HireConnection, "organisationId" | "settings" | "credentials">,
): Promise<TargetResolution> {
  const atsCredentials = connection.credentials ?? {};
  const chosen = connection.settings.exportTo;
  if (chosen === null) {
    const connector = channelConnectors().find((c) => importHireOf(c)!.credentials!.safeParse(atsCredentials).success);
    if (!connector) {
      return { ok: false, problem: "No HRIS is chosen to receive hires: choose one under “Send hires to” in the settings." };
    }
    return { ok: true, target: { connector, action: importHireOf(connector)!, connectionId: null, credentials: atsCredentials } };
  }
  const row = await db
    .selectFrom("connections")
    .select(["id", "connector_id", "display_name", "credentials_encrypted"])
    .where("id", "=", chosen)
    .where("organisation_id", "=", connection.organisationId)
    .executeTakeFirst();
  const connector = row ? findConnector(row.connector_id) : undefined;
  const action = importHireOf(connector);
  if (!row || !connector) {
    return {
      ok: false,
      problem: "The HRIS connection chosen to receive hires no longer exists: choose another in the settings.",
    };
  }
  if (!action)
    return { ok: false, problem: `${connector.manifest.name} cannot receive hires: choose another HRIS in the settings.` };
  const decrypted = decryptCredentials(row.credentials_encrypted, encryptionKey, row.id);
  if (decrypted.problem) return { ok: false, problem: `${row.display_name}: ${decrypted.problem}` };
  const credentials =
    action.credentials && !action.credentials.safeParse(decrypted.credentials).success ? atsCredentials : decrypted.credentials;
  return { ok: true, target: { connector, action, connectionId: row.id, credentials } };
}

/** The name of the HRIS the connection's hires go to, for messages; "the HRIS" when none resolves. */
export async function exportTargetName(
  db: Db,
  encryptionKey: string,
  connection: Pick<HireConnection, "organisationId" | "settings" | "credentials">,
): Promise<string> {
  const resolved = await resolveExportTarget(db, encryptionKey, connection);
  return resolved.ok ? resolved.target.connector.manifest.name : "the HRIS";
}
