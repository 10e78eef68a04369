import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@roster/db";
import { z } from "zod";
import { type ApiScope, apiScopes } from "./scopes";

/**
 * Platform keys look like `rst_platform_<43 characters>`: a prefix of their own, so a leaked one
 * is recognisable as the deployment-wide kind (it reaches every organisation) and never mistaken
 * for an organisation's `rst_live_` key. Only the SHA-256 is stored, as for organisation keys.
 */
export const PLATFORM_KEY_PREFIX = "rst_platform_";
const KEY_PATTERN = /^rst_platform_[A-Za-z0-9_-]{43}$/;
const SHOWN_LENGTH = PLATFORM_KEY_PREFIX.length + 6;

export const looksLikePlatformKey = (key: string) => KEY_PATTERN.test(key);
export const hashPlatformKey = (key: string) => createHash("sha256").update(key).digest("hex");

export const platformKeyInputSchema = z.object({
  name: z.string().trim().min(1, "a name").max(100),
  // A platform acts for its customers' organisations, so it gets every scope unless narrowed.
  scopes: z
    .array(z.enum(apiScopes))
    .min(1, "at least one scope")
    .default([...apiScopes])
    .transform((s) => [...new Set(s)].sort()),
});
export type PlatformKeyInput = z.input<typeof platformKeyInputSchema>;

export interface PlatformKeyView {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const columns = ["id", "name", "prefix", "scopes", "created_at", "last_used_at", "revoked_at"] as const;

function view(row: {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}): PlatformKeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: `${row.prefix}…`,
    scopes: row.scopes as ApiScope[],
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

/** Creates a platform key; the key itself is in the result once and nowhere else. */
export async function createPlatformKey(
  db: Db,
  rawInput: PlatformKeyInput,
): Promise<{ key: string; platformKey: PlatformKeyView }> {
  const input = platformKeyInputSchema.parse(rawInput);
  const key = `${PLATFORM_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  const row = await db
    .insertInto("platform_api_keys")
    .values({ name: input.name, prefix: key.slice(0, SHOWN_LENGTH), key_hash: hashPlatformKey(key), scopes: input.scopes })
    .returning(columns)
    .executeTakeFirstOrThrow();
  return { key, platformKey: view(row) };
}

export async function listPlatformKeys(db: Db): Promise<PlatformKeyView[]> {
  const rows = await db.selectFrom("platform_api_keys").select(columns).orderBy("created_at", "desc").orderBy("id").execute();
  return rows.map(view);
}

/** Revokes at once (every request looks the key up). Null when there is no such key. */
export async function revokePlatformKey(db: Db, keyId: string): Promise<PlatformKeyView | null> {
  const row = await db
    .updateTable("platform_api_keys")
    .set((eb) => ({ revoked_at: eb.fn.coalesce("revoked_at", eb.val(new Date())) }))
    .where("id", "=", keyId)
    .returning(columns)
    .executeTakeFirst();
  return row ? view(row) : null;
}
