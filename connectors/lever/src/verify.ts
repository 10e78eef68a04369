import { createHash } from "node:crypto";
import { type ConnectorContext, ConnectorError, type VerifyResult } from "@roster/core";
import { type LeverCredentials, type LeverPermissionId, leverPermissions } from "./manifest";
import { listEnvelope } from "./raw";

type Ctx = ConnectorContext<LeverCredentials>;

/** Lever ids are UUIDs; an all-zero one never exists, so an allowed probe on it answers 404, a forbidden one 403. */
const NO_SUCH_OPPORTUNITY = "00000000-0000-0000-0000-000000000000";

/** Per-opportunity endpoints, probed on a real opportunity when one is visible. */
const perOpportunity: Partial<Record<LeverPermissionId, string>> = {
  "offers:read:admin": "offers",
  "resumes:read:admin": "resumes",
  "files:read:admin": "files",
  "interviews:read:admin": "interviews",
  "feedback:read:admin": "feedback",
};

const topLevel: Partial<Record<LeverPermissionId, string>> = {
  "opportunities:read:admin": "opportunities",
  "stages:read:admin": "stages",
  "archive_reasons:read:admin": "archive_reasons",
  "postings:read:admin": "postings",
  "users:read:admin": "users",
};

/**
 * Lever has no "who am I" endpoint for API keys and does not list a key's permissions
 * (reference §1), so each permission is probed with the cheapest request on its endpoint:
 * 403 means missing, 2xx (or 404 on the placeholder opportunity) means granted. A 401 fails
 * the whole verify as invalid_credentials. Ten requests, within the burst of 20 (§2).
 */
export async function verify(ctx: Ctx): Promise<VerifyResult> {
  const granted = new Set<string>();
  let opportunityId = NO_SUCH_OPPORTUNITY;
  let firstUserEmail: string | null = null;
  for (const [permission, path] of Object.entries(topLevel)) {
    // GET /<list>?limit=1 — https://hire.lever.co/developer/documentation ; reference §3.
    const body = await probe(ctx, path);
    if (body === "forbidden") continue;
    granted.add(permission);
    const first = listEnvelope.safeParse(body).data?.data[0] as { id?: unknown; email?: unknown } | undefined;
    if (path === "opportunities" && typeof first?.id === "string") opportunityId = first.id;
    if (path === "users" && typeof first?.email === "string") firstUserEmail = first.email;
  }
  for (const [permission, segment] of Object.entries(perOpportunity)) {
    // GET /opportunities/:id/<segment>?limit=1 — reference §3.
    const body = await probe(ctx, `opportunities/${encodeURIComponent(opportunityId)}/${segment}`);
    if (body !== "forbidden") granted.add(permission);
  }
  const ids = leverPermissions.map((p) => p.id);
  return {
    account: account(ctx.credentials, firstUserEmail),
    granted: ids.filter((id) => granted.has(id)),
    missing: ids.filter((id) => !granted.has(id)),
  };
}

async function probe(ctx: Ctx, path: string): Promise<unknown | "forbidden"> {
  try {
    return await ctx.http.getJson(path, { limit: 1 });
  } catch (error) {
    if (error instanceof ConnectorError && error.status === 403) return "forbidden";
    // The placeholder opportunity: the key may read the endpoint, the record just does not exist.
    if (error instanceof ConnectorError && error.status === 404 && path.includes(NO_SUCH_OPPORTUNITY)) return null;
    throw error;
  }
}

/**
 * Lever names no account for a key. The id is a fingerprint of the key (never the key), the
 * name the company's email domain as seen on its users, else the API host.
 */
function account(credentials: LeverCredentials, userEmail: string | null): { id: string; name: string } {
  const fingerprint = createHash("sha256").update(credentials.apiKey).digest("hex").slice(0, 16);
  const domain = userEmail?.split("@")[1];
  const host = new URL(credentials.baseUrl).host;
  return { id: `lever-key-${fingerprint}`, name: domain ? `Lever account (${domain})` : `Lever (${host})` };
}
