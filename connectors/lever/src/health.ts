import { type ConnectorContext, ConnectorError, type HealthResult } from "@roster/core";
import type { LeverCredentials } from "./manifest";

/** Above this a sync or an export would crawl: worth telling an admin. */
export const SLOW_RESPONSE_MS = 5_000;

/** One cheap call (GET /opportunities?limit=1): broken when the key or host is unusable, degraded when slow or throttled. */
export async function health(ctx: ConnectorContext<LeverCredentials>): Promise<HealthResult> {
  const started = performance.now();
  try {
    // GET /opportunities — https://hire.lever.co/developer/documentation#list-all-opportunities ; reference §3.
    await ctx.http.getJson("opportunities", { limit: 1 });
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    switch (error.kind) {
      case "rate_limited":
        return { status: "degraded", reason: `Lever is rate limiting requests: ${error.message}` };
      case "provider_error":
        return { status: "degraded", reason: `Lever answered with an error: ${error.message}` };
      default:
        // invalid_credentials, forbidden (the key cannot read opportunities), unreachable.
        return { status: "broken", reason: `${error.message}. ${error.hint ?? ""}`.trim() };
    }
  }
  const elapsedMs = Math.round(performance.now() - started);
  if (elapsedMs > SLOW_RESPONSE_MS) return { status: "degraded", reason: `Lever took ${elapsedMs} ms to answer.` };
  return { status: "ok" };
}
