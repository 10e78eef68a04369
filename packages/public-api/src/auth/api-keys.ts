import { createHash, randomBytes } from "node:crypto";
import type { Database, Db, Kysely } from "@roster/db";
import { z } from "zod";
import { type ApiScope, apiScopes, defaultScopes } from "./scopes";

/**
 * Keys look like `rst_live_<43 characters>`: the prefix makes a leaked key recognisable (and
 * findable by secret scanners), the rest is 32 random bytes. Only the SHA-256 is stored: with
 * 256 bits of entropy nothing can be guessed from it, so a slow password hash (bcrypt, scrypt)
 * would only add ~100 ms of CPU to every request and let anyone with a bad key burn it.
 */
export const API_KEY_PREFIX = "rst_live_";
const KEY_PATTERN = /^rst_live_[A-Za-z0-9_-]{43}$/;
/** Characters kept for display: the prefix and the first 6 of the random part. */
const SHOWN_LENGTH = API_KEY_PREFIX.length + 6;

export const hashApiKey = (key: string) => createHash("sha256").update(key).digest("hex");
export const looksLikeApiKey = (key: string) => KEY_PATTERN.test(key);

export const apiKeyInputSchema = z.object({
  name: z.string().trim().min(1, "a name").max(100),
  scopes: z
    .array(z.enum(apiScopes))
    .min(1, "at least one scope")
    .default(defaultScopes)
    .transform((s) => [...new Set(s)].sort()),
});
export type ApiKeyInput = z.input<typeof apiKeyInputSchema>;

export interface ApiKeyView {
  id: string;
  name: string;
  /** The key's first characters, e.g. "rst_live_Ab12Cd…". */
  prefix: string;
  scopes: ApiScope[];
  createdAt: Date;
  createdBy: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const columns = ["id", "name", "prefix", "scopes", "created_at", "created_by", "last_used_at", "revoked_at"] as const;

function view(row: {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  created_at: Date;
  created_by: string | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: `${row.prefix}…`,
    scopes: row.scopes as ApiScope[],
    createdAt: row.created_at,
    createdBy: row.created_by,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export interface KeyActor {
  organisationId: string;
  /** null from the command line. */
  userId: string | null;
}

async function audit(trx: Kysely<Database>, actor: KeyActor, action: string, keyId: string, details: object) {
  await trx
    .insertInto("audit_log")
    .values({
      organisation_id: actor.organisationId,
      actor_user_id: actor.userId,
      action,
      target_type: "api_key",
      target_id: keyId,
      details: JSON.stringify(details),
    })
    .execute();
}

/** Creates a key; the key itself is in the result once and nowhere else, ever. */
export async function createApiKey(db: Db, actor: KeyActor, rawInput: ApiKeyInput): Promise<{ key: string; apiKey: ApiKeyView }> {
  const input = apiKeyInputSchema.parse(rawInput);
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  const row = await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("api_keys")
      .values({
        organisation_id: actor.organisationId,
        name: input.name,
        prefix: key.slice(0, SHOWN_LENGTH),
        key_hash: hashApiKey(key),
        scopes: input.scopes,
        created_by: actor.userId,
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
    await audit(trx, actor, "api_key.created", inserted.id, { name: input.name, scopes: input.scopes, prefix: inserted.prefix });
    return inserted;
  });
  return { key, apiKey: view(row) };
}

export async function listApiKeys(db: Db, organisationId: string): Promise<ApiKeyView[]> {
  const rows = await db
    .selectFrom("api_keys")
    .select(columns)
    .where("organisation_id", "=", organisationId)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .execute();
  return rows.map(view);
}

/** Revokes at once (every request looks the key up). Null when there is no such key in the organisation. */
export async function revokeApiKey(db: Db, actor: KeyActor, keyId: string): Promise<ApiKeyView | null> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable("api_keys")
      .set((eb) => ({ revoked_at: eb.fn.coalesce("revoked_at", eb.val(new Date())), revoked_by: actor.userId }))
      .where("organisation_id", "=", actor.organisationId)
      .where("id", "=", keyId)
      .returning(columns)
      .executeTakeFirst();
    if (!row) return null;
    await audit(trx, actor, "api_key.revoked", row.id, { name: row.name, prefix: row.prefix });
    return view(row);
  });
}
