import { createHash, randomBytes } from "node:crypto";
import type { Connector } from "@roster/core";
import type { Database, Db, Kysely } from "@roster/db";
import { sql } from "@roster/db";

/** The token is the link's only secret: 32 random bytes in the URL, its SHA-256 in the database. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const looksLikeLinkToken = (token: string) => TOKEN_PATTERN.test(token);
export const hashLinkToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** `${PUBLIC_URL}/connect/<token>`: the page the link opens (apps/web's /connect/:token). */
export const connectLinkUrl = (publicUrl: string, token: string) => `${publicUrl.replace(/\/+$/, "")}/connect/${token}`;

export interface ConnectLinkInput {
  organisationId: string;
  /** One connector, or a choice the person opening the link picks from (in this order). */
  connectorIds: readonly string[];
  /** Where the page sends the admin afterwards; null: the page says it is done (links sent from the dashboard). */
  returnUrl: string | null;
  allowedOrigins: string[];
  brand: { name: string | null; logoUrl: string | null; colour: string | null };
  expiresInMinutes: number;
  /** An API key, a platform key, or an owner in the dashboard (who then sent it to `sentTo`). */
  createdBy: { apiKeyId: string | null; platformKeyId: string | null; userId?: string | null };
  sentTo?: string | null;
}

export interface ConnectLinkRow {
  id: string;
  organisation_id: string;
  connector_ids: string[];
  return_url: string | null;
  allowed_origins: string[];
  brand_name: string | null;
  brand_logo_url: string | null;
  brand_colour: string | null;
  created_by_user_id: string | null;
  sent_to: string | null;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
  connection_id: string | null;
}

const columns = [
  "id",
  "organisation_id",
  "connector_ids",
  "return_url",
  "allowed_origins",
  "brand_name",
  "brand_logo_url",
  "brand_colour",
  "created_by_user_id",
  "sent_to",
  "expires_at",
  "used_at",
  "revoked_at",
  "connection_id",
] as const;

/** Why a link cannot be made; the public API and the dashboard each say it their way. */
export class ConnectLinkRefusal extends Error {
  override name = "ConnectLinkRefusal";
  constructor(
    readonly code: "invalid_connector" | "deactivated" | "already_connected" | "not_found" | "not_pending",
    message: string,
  ) {
    super(message);
  }
}

const inTransaction = <T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> =>
  db.isTransaction ? work(db) : db.transaction().execute(work);

/**
 * Makes a link, whoever asks (an API key, a platform key, an owner in the dashboard): every
 * connector must be an installed HRIS and the organisation active. Written with its audit entry,
 * in the caller's transaction when given one.
 */
export async function createConnectLink(
  db: Kysely<Database>,
  installed: readonly Connector[],
  input: ConnectLinkInput,
): Promise<{ token: string; link: ConnectLinkRow }> {
  for (const id of input.connectorIds) {
    if (installed.find((k) => k.manifest.id === id)?.manifest.kind !== "hris") {
      throw new ConnectLinkRefusal("invalid_connector", `No HRIS connector "${id}" is installed.`);
    }
  }
  const token = randomBytes(32).toString("base64url");
  const link = await inTransaction(db, async (trx) => {
    const organisation = await trx
      .selectFrom("organisations")
      .select("deactivated_at")
      .where("id", "=", input.organisationId)
      .executeTakeFirstOrThrow();
    if (organisation.deactivated_at !== null) {
      throw new ConnectLinkRefusal("deactivated", "This organisation is deactivated: reactivate it before connecting anything.");
    }
    const row = await trx
      .insertInto("connect_links")
      .values({
        organisation_id: input.organisationId,
        connector_ids: [...input.connectorIds],
        token_hash: hashLinkToken(token),
        return_url: input.returnUrl,
        allowed_origins: input.allowedOrigins,
        brand_name: input.brand.name,
        brand_logo_url: input.brand.logoUrl,
        brand_colour: input.brand.colour,
        created_by_api_key_id: input.createdBy.apiKeyId,
        created_by_platform_key_id: input.createdBy.platformKeyId,
        created_by_user_id: input.createdBy.userId ?? null,
        sent_to: input.sentTo ?? null,
        // The database's clock decides expiry, as it does when the link is used.
        expires_at: sql<Date>`now() + make_interval(mins => ${input.expiresInMinutes})`,
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("audit_log")
      .values({
        organisation_id: input.organisationId,
        actor_user_id: input.createdBy.userId ?? null,
        actor_platform_key_id: input.createdBy.platformKeyId,
        action: "connect_link.created",
        target_type: "connect_link",
        target_id: row.id,
        details: JSON.stringify({
          connectors: row.connector_ids,
          api_key_id: input.createdBy.apiKeyId,
          expires_at: row.expires_at.toISOString(),
          ...(row.sent_to ? { sent_to: row.sent_to } : {}),
          ...(input.createdBy.platformKeyId ? { via: "platform_key" } : {}),
        }),
      })
      .execute();
    return row;
  });
  return { token, link };
}

export type LinkRefusal = "unknown" | "expired" | "used" | "revoked";

/**
 * The link behind a token if it can still be used; otherwise why not. Unknown covers tampered
 * tokens too: nothing about any other link or organisation is said.
 */
export async function findUsableLink(db: Db, token: string): Promise<ConnectLinkRow | LinkRefusal> {
  if (!looksLikeLinkToken(token)) return "unknown";
  const row = await db
    .selectFrom("connect_links")
    .select(columns)
    .select((eb) => eb(eb.ref("expires_at"), "<=", eb.fn<Date>("now")).as("is_expired"))
    .where("token_hash", "=", hashLinkToken(token))
    .executeTakeFirst();
  if (!row) return "unknown";
  if (row.revoked_at !== null) return "revoked";
  if (row.used_at !== null) return "used";
  if (row.is_expired) return "expired";
  return row;
}

/**
 * Takes the link for one connect attempt: a conditional update, so two tabs (or a replay) cannot
 * both use it. False when it was taken, used, revoked or expired meanwhile.
 */
export async function claimLink(db: Db, linkId: string): Promise<boolean> {
  const row = await db
    .updateTable("connect_links")
    .set({ used_at: sql<Date>`now()` })
    .where("id", "=", linkId)
    .where("used_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", sql<Date>`now()`)
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}

/** A connect attempt that failed (wrong token, say) hands the link back for another try. */
export async function releaseLink(db: Db, linkId: string): Promise<void> {
  await db
    .updateTable("connect_links")
    .set({ used_at: null })
    .where("id", "=", linkId)
    .where("connection_id", "is", null)
    .execute();
}

/** For a link an owner sent from the dashboard, who asked and for which organisation: the page says so. */
export async function linkRequester(
  db: Db,
  link: Pick<ConnectLinkRow, "organisation_id" | "created_by_user_id">,
): Promise<{ name: string; organisationName: string } | null> {
  if (!link.created_by_user_id) return null;
  const row = await db
    .selectFrom("users as u")
    .innerJoin("organisations as o", (join) => join.on("o.id", "=", link.organisation_id))
    .select(["u.name", "o.name as organisationName"])
    .where("u.id", "=", link.created_by_user_id)
    .executeTakeFirst();
  return row ?? null;
}

/**
 * Revokes a link that has not been used: from its next request on, it is refused (410). An owner
 * revokes a link sent by mistake or to the wrong person.
 */
export async function revokeConnectLink(
  db: Db,
  input: { organisationId: string; linkId: string; userId: string | null },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const link = await trx
      .selectFrom("connect_links")
      .select(["id", "used_at", "revoked_at", "connection_id", "sent_to"])
      .where("id", "=", input.linkId)
      .where("organisation_id", "=", input.organisationId)
      .forUpdate()
      .executeTakeFirst();
    if (!link) throw new ConnectLinkRefusal("not_found", "No such connect link in this organisation.");
    if (link.revoked_at !== null) return;
    if (link.used_at !== null || link.connection_id !== null) {
      throw new ConnectLinkRefusal("not_pending", "This link has been used: it cannot be revoked any more.");
    }
    await trx.updateTable("connect_links").set({ revoked_at: sql<Date>`now()` }).where("id", "=", link.id).execute();
    await trx
      .insertInto("audit_log")
      .values({
        organisation_id: input.organisationId,
        actor_user_id: input.userId,
        action: "connect_link.revoked",
        target_type: "connect_link",
        target_id: link.id,
        details: JSON.stringify(link.sent_to ? { sent_to: link.sent_to } : {}),
      })
      .execute();
  });
}

/** CSP for the connect page: framed only by the origins given when the link was made (or by nobody). */
export function frameAncestorsOf(allowedOrigins: string[]): string {
  return `frame-ancestors ${allowedOrigins.length > 0 ? allowedOrigins.join(" ") : "'none'"}`;
}

/** The page's CSP for a token; links that cannot be used may not be framed at all. */
export async function connectPageFrameAncestors(db: Db, token: string): Promise<string> {
  const link = await findUsableLink(db, token);
  return frameAncestorsOf(typeof link === "string" ? [] : link.allowed_origins);
}
