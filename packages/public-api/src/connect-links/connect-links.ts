import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@roster/db";
import { sql } from "@roster/db";

/** The token is the link's only secret: 32 random bytes in the URL, its SHA-256 in the database. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const looksLikeLinkToken = (token: string) => TOKEN_PATTERN.test(token);
export const hashLinkToken = (token: string) => createHash("sha256").update(token).digest("hex");

export interface ConnectLinkInput {
  organisationId: string;
  connectorId: string;
  returnUrl: string;
  allowedOrigins: string[];
  brand: { name: string | null; logoUrl: string | null; colour: string | null };
  expiresInMinutes: number;
  createdBy: { apiKeyId: string | null; platformKeyId: string | null };
}

export interface ConnectLinkRow {
  id: string;
  organisation_id: string;
  connector_id: string;
  return_url: string;
  allowed_origins: string[];
  brand_name: string | null;
  brand_logo_url: string | null;
  brand_colour: string | null;
  expires_at: Date;
  used_at: Date | null;
  connection_id: string | null;
}

const columns = [
  "id",
  "organisation_id",
  "connector_id",
  "return_url",
  "allowed_origins",
  "brand_name",
  "brand_logo_url",
  "brand_colour",
  "expires_at",
  "used_at",
  "connection_id",
] as const;

export async function createConnectLink(db: Db, input: ConnectLinkInput): Promise<{ token: string; link: ConnectLinkRow }> {
  const token = randomBytes(32).toString("base64url");
  const link = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("connect_links")
      .values({
        organisation_id: input.organisationId,
        connector_id: input.connectorId,
        token_hash: hashLinkToken(token),
        return_url: input.returnUrl,
        allowed_origins: input.allowedOrigins,
        brand_name: input.brand.name,
        brand_logo_url: input.brand.logoUrl,
        brand_colour: input.brand.colour,
        created_by_api_key_id: input.createdBy.apiKeyId,
        created_by_platform_key_id: input.createdBy.platformKeyId,
        // The database's clock decides expiry, as it does when the link is used.
        expires_at: sql<Date>`now() + make_interval(mins => ${input.expiresInMinutes})`,
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("audit_log")
      .values({
        organisation_id: input.organisationId,
        actor_user_id: null,
        actor_platform_key_id: input.createdBy.platformKeyId,
        action: "connect_link.created",
        target_type: "connect_link",
        target_id: row.id,
        details: JSON.stringify({
          connector: input.connectorId,
          api_key_id: input.createdBy.apiKeyId,
          expires_at: row.expires_at.toISOString(),
          ...(input.createdBy.platformKeyId ? { via: "platform_key" } : {}),
        }),
      })
      .execute();
    return row;
  });
  return { token, link };
}

export type LinkRefusal = "unknown" | "expired" | "used";

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
  if (row.used_at !== null) return "used";
  if (row.is_expired) return "expired";
  return row;
}

/**
 * Takes the link for one connect attempt: a conditional update, so two tabs (or a replay) cannot
 * both use it. Null when it was taken, used or expired meanwhile.
 */
export async function claimLink(db: Db, linkId: string): Promise<boolean> {
  const row = await db
    .updateTable("connect_links")
    .set({ used_at: sql<Date>`now()` })
    .where("id", "=", linkId)
    .where("used_at", "is", null)
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

export async function recordLinkConnection(db: Db, linkId: string, connectionId: string): Promise<void> {
  await db.updateTable("connect_links").set({ connection_id: connectionId }).where("id", "=", linkId).execute();
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
