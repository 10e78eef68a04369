import { createPlatformKey, listPlatformKeys, type PlatformKeyView, revokePlatformKey } from "@roster/public-api/platform-keys";
import { apiScopes } from "@roster/public-api/scopes";
import { openDatabase } from "../database";
import { ExitCode, type ExitCodeValue, notFound, usageError } from "../exit-codes";
import { formatTime } from "../output/format";
import type { Output } from "../output/output";
import { renderTable } from "../output/table";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parseScopes(raw: string | undefined) {
  if (raw === undefined) return [...apiScopes];
  const scopes = raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = scopes.filter((s) => !(apiScopes as readonly string[]).includes(s));
  if (scopes.length === 0 || unknown.length > 0) {
    throw usageError(
      `--scopes takes a comma-separated list of ${apiScopes.join(", ")}${unknown.length ? `; not ${unknown.join(", ")}` : ""}`,
    );
  }
  return scopes as (typeof apiScopes)[number][];
}

async function withDatabase<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const db = await openDatabase();
  try {
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

const keyJson = (k: PlatformKeyView) => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  scopes: k.scopes,
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  revokedAt: k.revokedAt?.toISOString() ?? null,
});

/** `roster platform-key create --name N [--scopes a,b]`: prints the key, once. */
export async function platformKeyCreateCommand(out: Output, options: { name?: string; scopes?: string }): Promise<ExitCodeValue> {
  const name = options.name?.trim();
  if (!name) throw usageError('--name is required: what will use the key (e.g. "feedback platform backend")');
  const scopes = parseScopes(options.scopes);
  return withDatabase(async (db) => {
    const { key, platformKey } = await createPlatformKey(db, { name, scopes });
    out.data({ key, platformKey: keyJson(platformKey) });
    out.line(key);
    out.note(
      `Created platform key "${platformKey.name}" (${platformKey.scopes.join(", ")}). It acts on every organisation it names: ` +
        "this is the only time the key is shown, store it now.",
    );
    return ExitCode.ok;
  });
}

/** `roster platform-key list`: prefixes, scopes and last use; never a key. */
export async function platformKeyListCommand(out: Output): Promise<ExitCodeValue> {
  return withDatabase(async (db) => {
    const keys = await listPlatformKeys(db);
    out.data({ platformKeys: keys.map(keyJson) });
    if (keys.length === 0) {
      out.line("No platform keys yet: roster platform-key create --name <what uses it>");
      return ExitCode.ok;
    }
    out.line(
      renderTable(
        [
          { header: "ID" },
          { header: "NAME" },
          { header: "KEY" },
          { header: "SCOPES" },
          { header: "LAST USED" },
          { header: "STATUS" },
        ],
        keys.map((k) => [
          k.id,
          k.name,
          k.prefix,
          k.scopes.join(","),
          k.lastUsedAt ? formatTime(k.lastUsedAt) : "never",
          k.revokedAt ? out.c.red("revoked") : out.c.green("active"),
        ]),
      ),
    );
    return ExitCode.ok;
  });
}

/** `roster platform-key revoke <keyId>`: refused from its next request on. */
export async function platformKeyRevokeCommand(out: Output, rawKeyId: string): Promise<ExitCodeValue> {
  if (!uuid.test(rawKeyId)) throw usageError(`the key id must be a UUID, got "${rawKeyId}"`);
  return withDatabase(async (db) => {
    const key = await revokePlatformKey(db, rawKeyId.toLowerCase());
    if (!key) throw notFound(`No platform key ${rawKeyId}.`, "List them with `roster platform-key list`.");
    out.data({ platformKey: keyJson(key) });
    out.line(`Revoked "${key.name}" (${key.prefix}).`);
    return ExitCode.ok;
  });
}
