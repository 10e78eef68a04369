import type { Db } from "@roster/db";
// The subpaths, not the package index: the CLI need not load the HTTP server to manage keys.
import { type ApiKeyView, createApiKey, listApiKeys, revokeApiKey } from "@roster/public-api/api-keys";
import { apiScopes, defaultScopes } from "@roster/public-api/scopes";
import { openDatabase } from "../database";
import { ExitCode, type ExitCodeValue, notFound, usageError } from "../exit-codes";
import { formatTime } from "../output/format";
import type { Output } from "../output/output";
import { renderTable } from "../output/table";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parseId(flag: string, raw: string | undefined): string {
  if (!raw || !uuid.test(raw)) throw usageError(`${flag} must be an id (a UUID), got "${raw ?? ""}"`);
  return raw.toLowerCase();
}

function parseScopes(raw: string | undefined) {
  if (raw === undefined) return defaultScopes;
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
  return scopes as typeof defaultScopes;
}

async function withOrganisation<T>(rawOrg: string | undefined, fn: (db: Db, organisationId: string) => Promise<T>): Promise<T> {
  const organisationId = parseId("--org", rawOrg);
  const db = await openDatabase();
  try {
    const org = await db.selectFrom("organisations").select("id").where("id", "=", organisationId).executeTakeFirst();
    if (!org) throw notFound(`No organisation ${organisationId} in this database.`);
    return await fn(db, organisationId);
  } finally {
    await db.destroy();
  }
}

const keyJson = (k: ApiKeyView) => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  scopes: k.scopes,
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  revokedAt: k.revokedAt?.toISOString() ?? null,
});

/** `roster api-key create --org ID --name N [--scopes a,b]`: prints the key, once. */
export async function apiKeyCreateCommand(
  out: Output,
  options: { org?: string; name?: string; scopes?: string },
): Promise<ExitCodeValue> {
  const name = options.name?.trim();
  if (!name) throw usageError('--name is required: what will use the key (e.g. "payroll sync")');
  const scopes = parseScopes(options.scopes);
  return withOrganisation(options.org, async (db, organisationId) => {
    const { key, apiKey } = await createApiKey(db, { organisationId, userId: null }, { name, scopes });
    out.data({ key, apiKey: keyJson(apiKey) });
    out.line(key);
    out.note(
      `Created API key "${apiKey.name}" (${apiKey.scopes.join(", ")}). This is the only time the key is shown: store it now.`,
    );
    return ExitCode.ok;
  });
}

/** `roster api-key list --org ID`: prefixes, scopes and last use; never a key. */
export async function apiKeyListCommand(out: Output, options: { org?: string }): Promise<ExitCodeValue> {
  return withOrganisation(options.org, async (db, organisationId) => {
    const keys = await listApiKeys(db, organisationId);
    out.data({ apiKeys: keys.map(keyJson) });
    if (keys.length === 0) {
      out.line("No API keys yet: roster api-key create --org <id> --name <what uses it>");
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

/** `roster api-key revoke --org ID <keyId>`: refused from its next request on. */
export async function apiKeyRevokeCommand(out: Output, rawKeyId: string, options: { org?: string }): Promise<ExitCodeValue> {
  const keyId = parseId("the key id", rawKeyId);
  return withOrganisation(options.org, async (db, organisationId) => {
    const key = await revokeApiKey(db, { organisationId, userId: null }, keyId);
    if (!key) throw notFound(`No API key ${keyId} in this organisation.`, "List them with `roster api-key list --org <id>`.");
    out.data({ apiKey: keyJson(key) });
    out.line(`Revoked "${key.name}" (${key.prefix}).`);
    return ExitCode.ok;
  });
}
