import { randomUUID } from "node:crypto";
import { disableConnection, enableConnection, requestSyncNow } from "@roster/connection-policy";
import { sql } from "@roster/db";
import { decryptJson, encryptJson, secretHint } from "@roster/secrets";
import type { z } from "zod";
import { auditConnection } from "./audit";
import { type Actor, type ConnectionDeps, ConnectionError } from "./deps";

export const LEVER_CONNECTOR_ID = "lever";

/** Why a Lever connection's sync is off when the owner turned the integration off. */
export const LEVER_TURNED_OFF_REASON = "Turned off in Settings → Integrations → Lever";

/** `connections.settings` of a Lever connection, as @roster/hire-export's leverSettingsSchema reads it. */
export interface LeverSetupSettings {
  enabled: boolean;
  contactUserId: string | null;
  offersMode: "zenefits" | "lever";
  /** The HRIS connection hires are sent to; null: the Zenefits import channel entered with Lever; absent: keep the stored choice. */
  exportTo?: string | null;
}

export interface SaveLeverSetupInput {
  settings: LeverSetupSettings;
  /**
   * The credentials as entered in the form. A missing or blank field keeps the stored value
   * (secrets never travel back to the browser, so an untouched password field is blank).
   */
  credentials: Record<string, unknown>;
}

export interface LeverSetupOptions {
  /**
   * The schema of the stored credentials (the Lever and Zenefits sides together):
   * @roster/hire-export's leverCredentialsSchema, passed in so this package does not depend on it.
   */
  credentialsSchema: z.ZodType<Record<string, unknown>>;
}

export interface SaveLeverSetupResult {
  connectionId: string;
  created: boolean;
  /** Names (never values) of the credential fields that changed. */
  credentialsChanged: string[];
}

const stripEmpty = (input: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== null && v !== ""));

/** The organisation's Lever connection (one per organisation), or undefined. */
export async function findLeverConnection(deps: Pick<ConnectionDeps, "db">, organisationId: string) {
  return deps.db
    .selectFrom("connections")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("connector_id", "=", LEVER_CONNECTOR_ID)
    .orderBy("created_at")
    .executeTakeFirst();
}

/**
 * The stored credentials of a Lever connection, decrypted (bound to the row id), or {} when
 * there are none or they cannot be decrypted (the form then asks for every field again).
 */
export function storedLeverCredentials(
  deps: Pick<ConnectionDeps, "encryptionKey">,
  row: { id: string; credentials_encrypted: string } | undefined,
): Record<string, unknown> {
  if (!row) return {};
  try {
    const value = decryptJson<Record<string, unknown>>(row.credentials_encrypted, deps.encryptionKey, row.id);
    return value && typeof value === "object" ? value : {};
  } catch {
    return {};
  }
}

/**
 * What Verify and Save work with: the stored credentials, overridden by the deployment's
 * defaults (sandbox: the simulators' URLs; the form has no URL fields) and then by what was
 * entered (blank fields left out). Not parsed: Verify reports an incomplete side itself.
 */
export function mergeLeverCredentials(
  deps: Pick<ConnectionDeps, "credentialDefaults">,
  stored: Record<string, unknown>,
  entered: Record<string, unknown>,
): Record<string, unknown> {
  return { ...stored, ...deps.credentialDefaults?.[LEVER_CONNECTOR_ID], ...stripEmpty(entered) };
}

/** Parses merged credentials with the schema; a missing or malformed field is a ConnectionError("invalid") naming it. */
export function parseLeverCredentials(
  merged: Record<string, unknown>,
  schema: z.ZodType<Record<string, unknown>>,
): Record<string, unknown> {
  const parsed = schema.safeParse(merged);
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join(".") || "credentials", i.message]));
    throw new ConnectionError("invalid", "Some fields are missing or malformed", { fields });
  }
  return parsed.data;
}

/**
 * Settings → Integrations → Lever → Save (owners). Creates the organisation's Lever connection
 * or updates it in place: credentials encrypted and bound to the row (blank fields keep the
 * stored ones), settings written, an audit entry, all in one transaction. On creation the first
 * sync of the candidates is queued; turning the integration off also stops its syncs, and
 * turning it back on (or new credentials) syncs at once. The contact must be an owner or an admin:
 * the export-failure email links to the connection's hire exports, which only they can open.
 * Save does not call Lever or Zenefits: Verify does (the form offers it before Save).
 */
/** Who may be the export-failure contact: those who can open the hire exports the email links to. */
export const EXPORT_CONTACT_ROLES = ["owner", "admin"] as const;

export async function saveLeverSetup(
  deps: ConnectionDeps,
  actor: Actor,
  input: SaveLeverSetupInput,
  options: LeverSetupOptions,
): Promise<SaveLeverSetupResult> {
  if (input.settings.contactUserId) {
    const member = await deps.db
      .selectFrom("memberships")
      .select("user_id")
      .where("organisation_id", "=", actor.organisationId)
      .where("user_id", "=", input.settings.contactUserId)
      .where("role", "in", EXPORT_CONTACT_ROLES)
      .executeTakeFirst();
    if (!member) {
      throw new ConnectionError("invalid", "The contact must be an owner or an admin of this organisation", {
        fields: { contactUserId: "Choose an owner or an admin: members cannot open the hire exports the email links to" },
      });
    }
  }

  return deps.db.transaction().execute(async (trx) => {
    // One Lever connection per organisation, even when two owners save at once.
    await sql`select pg_advisory_xact_lock(hashtext(${`lever-setup:${actor.organisationId}`}))`.execute(trx);
    const existing = await findLeverConnection({ db: trx }, actor.organisationId);
    const previous = (existing?.settings ?? {}) as Partial<LeverSetupSettings>;
    const settings: Required<LeverSetupSettings> = {
      ...input.settings,
      exportTo: input.settings.exportTo === undefined ? (previous.exportTo ?? null) : input.settings.exportTo,
    };
    const stored = storedLeverCredentials(deps, existing);
    const credentials = parseLeverCredentials(mergeLeverCredentials(deps, stored, input.credentials), options.credentialsSchema);
    const credentialsChanged = Object.keys(credentials).filter(
      (key) => JSON.stringify(credentials[key]) !== JSON.stringify(stored[key]),
    );
    const apiKey = credentials.apiKey;
    const hint = typeof apiKey === "string" ? secretHint(apiKey) : null;

    if (!existing) {
      const id = randomUUID();
      await trx
        .insertInto("connections")
        .values({
          id,
          organisation_id: actor.organisationId,
          connector_id: LEVER_CONNECTOR_ID,
          display_name: "Lever",
          credentials_encrypted: encryptJson(credentials, deps.encryptionKey, id),
          credentials_hint: hint,
          notification_email: null,
          settings: JSON.stringify(settings),
        })
        .execute();
      await auditConnection(trx, actor, "connection.created", id, {
        connector: LEVER_CONNECTOR_ID,
        account: "Lever → Zenefits",
        enabled: settings.enabled,
        offersMode: settings.offersMode,
      });
      if (settings.enabled) await requestSyncNow(trx, id, "initial", new Date(), actor.requestId);
      else await disableConnection(trx, id, LEVER_TURNED_OFF_REASON);
      return { connectionId: id, created: true, credentialsChanged };
    }

    await trx
      .updateTable("connections")
      .set({
        ...(credentialsChanged.length
          ? { credentials_encrypted: encryptJson(credentials, deps.encryptionKey, existing.id), credentials_hint: hint }
          : {}),
        settings: JSON.stringify(settings),
        updated_at: new Date(),
      })
      .where("id", "=", existing.id)
      .execute();
    await auditConnection(trx, actor, "connection.lever_setup_saved", existing.id, {
      enabled: settings.enabled,
      offersMode: settings.offersMode,
      contactUserId: settings.contactUserId,
      offersModeChanged: previous.offersMode !== settings.offersMode,
      exportTo: settings.exportTo,
      credentialsChanged,
    });
    if (!settings.enabled) {
      if (existing.status !== "disabled") await disableConnection(trx, existing.id, LEVER_TURNED_OFF_REASON);
    } else if (existing.status === "disabled") {
      await enableConnection(trx, existing.id, new Date(), "manual", actor.requestId);
    } else if (credentialsChanged.length) {
      await requestSyncNow(trx, existing.id, "manual", new Date(), actor.requestId);
    }
    return { connectionId: existing.id, created: false, credentialsChanged };
  });
}
