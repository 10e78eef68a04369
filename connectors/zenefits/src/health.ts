import { type ConnectorContext, ConnectorError, type HealthResult } from "@roster/core";
import { type ZenefitsCredentials, zenefitsPermissions } from "./manifest";
import { readTokenOwner } from "./me";

/** Above this a sync of a large company would crawl: worth telling an admin. */
export const SLOW_RESPONSE_MS = 5_000;

/** One cheap call (GET /core/me): broken when the token or host is unusable, degraded when it works but not fully. */
export async function health(ctx: ConnectorContext<ZenefitsCredentials>): Promise<HealthResult> {
  const started = performance.now();
  let scopes: ReadonlySet<string>;
  try {
    scopes = new Set((await readTokenOwner(ctx)).scopes);
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    switch (error.kind) {
      case "rate_limited":
        return { status: "degraded", reason: `Zenefits is rate limiting requests: ${error.message}` };
      case "provider_error":
        return { status: "degraded", reason: `Zenefits answered with an error: ${error.message}` };
      default:
        // invalid_credentials, forbidden (the token can read nothing), unreachable.
        return { status: "broken", reason: `${error.message}. ${error.hint ?? ""}`.trim() };
    }
  }
  const elapsedMs = Math.round(performance.now() - started);
  const missing = zenefitsPermissions.filter((permission) => !scopes.has(permission.id)).map((permission) => permission.label);
  if (missing.length > 0) {
    return {
      status: "degraded",
      reason: `The token lacks ${missing.length} permission(s): ${missing.join(", ")}; their data is not synced.`,
    };
  }
  if (elapsedMs > SLOW_RESPONSE_MS)
    return { status: "degraded", reason: `Zenefits took ${elapsedMs} ms to answer GET /core/me.` };
  return { status: "ok" };
}
