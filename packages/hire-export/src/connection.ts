import type { Connector } from "@roster/core";
import type { Db } from "@roster/db";
import { findConnector } from "@roster/registry";
import { decryptJson } from "@roster/secrets";
import { type HireExportSettings, parseHireExportSettings } from "./settings";

/** A connector that supplies hires (an ATS). */
export type HireSourceConnector = Connector & { hires: NonNullable<Connector["hires"]> };

export const suppliesHires = (connector: Connector | undefined): connector is HireSourceConnector => !!connector?.hires;

export interface HireConnection {
  id: string;
  organisationId: string;
  connector: HireSourceConnector;
  displayName: string;
  notificationEmail: string | null;
  createdAt: Date;
  settings: HireExportSettings;
  /**
   * The stored credentials, decrypted: the ATS's own (checked with its schema) and whatever
   * else was entered with them (an import channel's). Null when they cannot be used;
   * `credentialsProblem` says why.
   */
  credentials: Record<string, unknown> | null;
  credentialsProblem: string | null;
}

const UUID = /^[0-9a-f-]{36}$/i;

/**
 * An ATS connection (its connector supplies hires) with its credentials decrypted (AES-GCM
 * bound to the connection id, so a value copied from another row does not decrypt). Null when
 * there is no such connection. Unusable credentials do not throw: the caller records the
 * problem where a person sees it.
 */
export async function loadHireConnection(db: Db, encryptionKey: string, connectionId: string): Promise<HireConnection | null> {
  if (!UUID.test(connectionId)) return null;
  const row = await db
    .selectFrom("connections")
    .select([
      "id",
      "organisation_id",
      "connector_id",
      "display_name",
      "notification_email",
      "created_at",
      "settings",
      "credentials_encrypted",
    ])
    .where("id", "=", connectionId)
    .executeTakeFirst();
  const connector = row ? findConnector(row.connector_id) : undefined;
  if (!row || !suppliesHires(connector)) return null;
  const decrypted = decryptCredentials(row.credentials_encrypted, encryptionKey, row.id);
  const problem = decrypted.problem ?? credentialsProblem(connector, decrypted.credentials);
  return {
    id: row.id,
    organisationId: row.organisation_id,
    connector,
    displayName: row.display_name,
    notificationEmail: row.notification_email,
    createdAt: row.created_at,
    settings: parseHireExportSettings(row.settings),
    credentials: problem ? null : decrypted.credentials,
    credentialsProblem: problem,
  };
}

/** Decrypts a connection's credentials; a problem in words instead of a throw. */
export function decryptCredentials(
  envelope: string,
  encryptionKey: string,
  connectionId: string,
): { credentials: Record<string, unknown>; problem: string | null } {
  try {
    const value = decryptJson<unknown>(envelope, encryptionKey, connectionId);
    if (value && typeof value === "object") return { credentials: value as Record<string, unknown>, problem: null };
    return { credentials: {}, problem: "The stored credentials are not an object: enter them again in Settings." };
  } catch (error) {
    return { credentials: {}, problem: `The stored credentials cannot be decrypted (${(error as Error).message}).` };
  }
}

function credentialsProblem(connector: Connector, credentials: Record<string, unknown>): string | null {
  const parsed = connector.manifest.credentials.safeParse(credentials);
  if (parsed.success) return null;
  const fields = [...new Set(parsed.error.issues.map((i) => i.path.join(".")))].join(", ");
  return `The stored credentials are incomplete (${fields}): enter them again in Settings.`;
}
