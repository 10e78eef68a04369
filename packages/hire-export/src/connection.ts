import type { Db } from "@roster/db";
import { decryptJson } from "@roster/secrets";
import { type LeverExportCredentials, type LeverSettings, leverCredentialsSchema, leverSettingsSchema } from "./settings";

export const LEVER_CONNECTOR_ID = "lever";

export interface LeverConnection {
  id: string;
  organisationId: string;
  displayName: string;
  notificationEmail: string | null;
  createdAt: Date;
  settings: LeverSettings;
  /** Null when the stored credentials cannot be used; `credentialsProblem` says why. */
  credentials: LeverExportCredentials | null;
  credentialsProblem: string | null;
}

/** Settings that do not parse turn exports off rather than guess. */
export function parseSettings(raw: unknown): LeverSettings {
  const parsed = leverSettingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : { enabled: false, contactUserId: null, offersMode: "lever" };
}

/**
 * A Lever connection with its credentials decrypted (AES-GCM bound to the connection id, so a
 * value copied from another row does not decrypt). Null when there is no such Lever connection.
 * Unusable credentials do not throw: the caller records the problem where a person sees it.
 */
export async function loadLeverConnection(db: Db, encryptionKey: string, connectionId: string): Promise<LeverConnection | null> {
  if (!/^[0-9a-f-]{36}$/i.test(connectionId)) return null;
  const row = await db
    .selectFrom("connections")
    .select(["id", "organisation_id", "display_name", "notification_email", "created_at", "settings", "credentials_encrypted"])
    .where("id", "=", connectionId)
    .where("connector_id", "=", LEVER_CONNECTOR_ID)
    .executeTakeFirst();
  if (!row) return null;
  const { credentials, problem } = decryptCredentials(row.credentials_encrypted, encryptionKey, row.id);
  return {
    id: row.id,
    organisationId: row.organisation_id,
    displayName: row.display_name,
    notificationEmail: row.notification_email,
    createdAt: row.created_at,
    settings: parseSettings(row.settings),
    credentials,
    credentialsProblem: problem,
  };
}

function decryptCredentials(
  envelope: string,
  encryptionKey: string,
  connectionId: string,
): { credentials: LeverExportCredentials | null; problem: string | null } {
  let decrypted: unknown;
  try {
    decrypted = decryptJson(envelope, encryptionKey, connectionId);
  } catch (error) {
    return { credentials: null, problem: `The stored credentials cannot be decrypted (${(error as Error).message}).` };
  }
  const parsed = leverCredentialsSchema.safeParse(decrypted);
  if (parsed.success) return { credentials: parsed.data, problem: null };
  const fields = [...new Set(parsed.error.issues.map((i) => i.path.join(".")))].join(", ");
  return { credentials: null, problem: `The stored credentials are incomplete (${fields}): enter them again in Settings.` };
}
