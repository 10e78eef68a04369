import { ConnectorError, type HealthResult } from "@roster/core";
import type { BambooHrContext } from "./client";
import { bamboohrPermissions } from "./manifest";
import { verify } from "./verify";

/** Above this a sync of a large company would crawl: worth telling an admin. */
export const SLOW_RESPONSE_MS = 5_000;

/**
 * The verify calls (meta/fields and an empty probe report): broken when the key or company is
 * unusable, degraded when it works but not fully (throttled, errors, slow, a field group unreadable).
 */
export async function health(ctx: BambooHrContext): Promise<HealthResult> {
  const started = performance.now();
  let missing: string[];
  try {
    missing = (await verify(ctx)).missing;
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    switch (error.kind) {
      case "rate_limited":
        return { status: "degraded", reason: `BambooHR is throttling requests: ${error.message}` };
      case "provider_error":
        return { status: "degraded", reason: `BambooHR answered with an error: ${error.message}` };
      default:
        // invalid_credentials, forbidden, unreachable.
        return { status: "broken", reason: `${error.message}. ${error.hint ?? ""}`.trim() };
    }
  }
  const elapsedMs = Math.round(performance.now() - started);
  if (missing.length > 0) {
    const labels = bamboohrPermissions.filter((p) => missing.includes(p.id)).map((p) => p.label);
    return {
      status: "degraded",
      reason: `The API key's user cannot read ${labels.join("; ")}: those fields are not kept current.`,
    };
  }
  if (elapsedMs > SLOW_RESPONSE_MS) return { status: "degraded", reason: `BambooHR took ${elapsedMs} ms to answer the checks.` };
  return { status: "ok" };
}
