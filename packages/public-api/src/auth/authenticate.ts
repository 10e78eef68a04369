import { preparedStatement, sql } from "@roster/db";
import type { Context, MiddlewareHandler } from "hono";
import type { ApiCaller, AuthenticatedKey, PublicApiEnv } from "../context";
import { ProblemError } from "../http/problem";
import { rateLimitHeaders } from "../http/rate-limit";
import { hashApiKey, looksLikeApiKey } from "./api-keys";
import { ORGANISATION_HEADER, organisationHeaderSchema } from "./organisation-header";
import { auditPlatformCall } from "./platform-audit";
import { looksLikePlatformKey } from "./platform-keys";
import type { ApiScope } from "./scopes";

/** last_used_at is written at most this often per key, so reading costs no write per request. */
const LAST_USED_RESOLUTION_MS = 60_000;

const challenge = { "WWW-Authenticate": 'Bearer realm="roster"' };

/** Routes that act on the deployment, not on one organisation: platform keys only, no header needed. */
export const PLATFORM_ROUTE_PREFIX = "/api/v1/organisations";
const isPlatformRoute = (path: string) => path === PLATFORM_ROUTE_PREFIX || path.startsWith(`${PLATFORM_ROUTE_PREFIX}/`);

interface KeyRow {
  id: string;
  organisation_id: string | null;
  name: string | null;
  scopes: string[];
  revoked_at: Date | null;
  last_used_at: Date | null;
}

async function findKey(
  c: Context<PublicApiEnv>,
  key: string,
): Promise<{ row: KeyRow | undefined; table: "api_keys" | "platform_api_keys" }> {
  const { db } = c.var.deps;
  // Both kinds share the hash function; the prefix says which table holds the key.
  if (looksLikePlatformKey(key)) {
    const { rows } = await sql<KeyRow>`select id, null::uuid as organisation_id, name, scopes, revoked_at, last_used_at
      from platform_api_keys where key_hash = ${hashApiKey(key)} ${preparedStatement}`.execute(db);
    return { row: rows[0], table: "platform_api_keys" };
  }
  const { rows } = await sql<KeyRow>`select id, organisation_id, null as name, scopes, revoked_at, last_used_at
    from api_keys where key_hash = ${hashApiKey(key)} ${preparedStatement}`.execute(db);
  return { row: rows[0], table: "api_keys" };
}

/** The organisation a request acts on; refuses an organisation key reaching past its own. */
async function chooseOrganisation(c: Context<PublicApiEnv>, row: KeyRow): Promise<string | null> {
  const raw = c.req.header(ORGANISATION_HEADER);
  if (row.organisation_id !== null) {
    if (raw !== undefined && raw.trim().toLowerCase() !== row.organisation_id) {
      throw new ProblemError(
        403,
        "forbidden",
        `An organisation's API key acts on its own organisation only; ${ORGANISATION_HEADER} is for platform keys.`,
      );
    }
    return row.organisation_id;
  }
  if (raw === undefined) {
    if (isPlatformRoute(c.req.path)) return null;
    throw new ProblemError(
      400,
      "invalid_request",
      `A platform key must name the organisation it acts on in the ${ORGANISATION_HEADER} header.`,
      {
        errors: [{ parameter: ORGANISATION_HEADER, message: "required with a platform key" }],
      },
    );
  }
  const parsed = organisationHeaderSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ProblemError(400, "invalid_request", `${ORGANISATION_HEADER} must be an organisation id (a UUID).`, {
      errors: [{ parameter: ORGANISATION_HEADER, message: "not a UUID" }],
    });
  }
  const org = await c.var.deps.db.selectFrom("organisations").select("id").where("id", "=", parsed.data).executeTakeFirst();
  if (!org) throw new ProblemError(404, "not_found", `No organisation ${parsed.data}.`);
  return org.id;
}

/**
 * `Authorization: Bearer rst_live_…` (an organisation's key) or `rst_platform_…` (a platform key,
 * naming the organisation in `Roster-Organisation`): the key is looked up by its hash on every
 * request, so a revoked key is refused from the next request on. Then the key's rate limit; both
 * outcomes carry the RateLimit-* headers. A platform key's calls go into the organisation's audit log.
 */
export const authenticate: MiddlewareHandler<PublicApiEnv> = async (c, next) => {
  const header = c.req.header("authorization") ?? "";
  const key = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (!key) throw new ProblemError(401, "unauthorized", "Send the API key as `Authorization: Bearer rst_live_…`.", {}, challenge);
  if (!looksLikeApiKey(key) && !looksLikePlatformKey(key)) {
    throw new ProblemError(401, "unauthorized", "This is not a Roster API key.", {}, challenge);
  }
  const { db } = c.var.deps;
  const { row, table } = await findKey(c, key);
  if (!row || row.revoked_at !== null) {
    throw new ProblemError(401, "unauthorized", row ? "This API key was revoked." : "Unknown API key.", {}, challenge);
  }
  const limit = c.var.limiter.take(row.id);
  const headers = rateLimitHeaders(limit);
  if (!limit.allowed) {
    throw new ProblemError(
      429,
      "rate_limited",
      `This key may make ${limit.limit} requests a minute; try again in ${limit.retryAfterSeconds} s.`,
      {},
      { ...headers, "Retry-After": String(limit.retryAfterSeconds) },
    );
  }
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
  const organisationId = await chooseOrganisation(c, row);
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.updateTable(table).set({ last_used_at: new Date() }).where("id", "=", row.id).execute();
  }
  const caller: ApiCaller = {
    kind: row.organisation_id === null ? "platform" : "organisation",
    keyId: row.id,
    name: row.name,
    scopes: row.scopes as ApiScope[],
  };
  c.set("caller", caller);
  if (organisationId !== null) {
    c.set("apiKey", {
      id: row.id,
      organisationId,
      scopes: caller.scopes,
      platformKeyId: caller.kind === "platform" ? row.id : null,
    });
  }
  await next();
  if (caller.kind === "platform" && organisationId !== null) await auditPlatformCall(c, caller, organisationId);
};

export function hasScope(key: AuthenticatedKey, scope: ApiScope): boolean {
  return key.scopes.includes(scope);
}

/** Refuses with 403 unless the request's key holds the scope. */
export function requireScope(c: Context<PublicApiEnv>, scope: ApiScope): AuthenticatedKey {
  const key = c.var.apiKey;
  if (!hasScope(key, scope)) {
    throw new ProblemError(403, "forbidden", `This needs an API key with the "${scope}" scope.`, { required_scope: scope });
  }
  return key;
}
