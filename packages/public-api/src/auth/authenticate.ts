import { preparedStatement, sql } from "@roster/db";
import type { Context, MiddlewareHandler } from "hono";
import type { AuthenticatedKey, PublicApiEnv } from "../context";
import { ProblemError } from "../http/problem";
import { rateLimitHeaders } from "../http/rate-limit";
import { hashApiKey, looksLikeApiKey } from "./api-keys";
import type { ApiScope } from "./scopes";

/** last_used_at is written at most this often per key, so reading costs no write per request. */
const LAST_USED_RESOLUTION_MS = 60_000;

const challenge = { "WWW-Authenticate": 'Bearer realm="roster"' };

/**
 * `Authorization: Bearer rst_live_…`: the key is looked up by its hash on every request, so a
 * revoked key is refused from the next request on. Then the key's rate limit; both outcomes
 * carry the RateLimit-* headers.
 */
export const authenticate: MiddlewareHandler<PublicApiEnv> = async (c, next) => {
  const header = c.req.header("authorization") ?? "";
  const key = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (!key) throw new ProblemError(401, "unauthorized", "Send the API key as `Authorization: Bearer rst_live_…`.", {}, challenge);
  if (!looksLikeApiKey(key)) throw new ProblemError(401, "unauthorized", "This is not a Roster API key.", {}, challenge);
  const { db } = c.var.deps;
  const { rows } = await sql<{
    id: string;
    organisation_id: string;
    scopes: string[];
    revoked_at: Date | null;
    last_used_at: Date | null;
  }>`select id, organisation_id, scopes, revoked_at, last_used_at from api_keys where key_hash = ${hashApiKey(key)} ${preparedStatement}`.execute(
    db,
  );
  const row = rows[0];
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
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.updateTable("api_keys").set({ last_used_at: new Date() }).where("id", "=", row.id).execute();
  }
  c.set("apiKey", { id: row.id, organisationId: row.organisation_id, scopes: row.scopes as ApiScope[] });
  await next();
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
