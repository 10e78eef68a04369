import { lever } from "@roster/connector-lever";
import { RateLimiter } from "@roster/core";

export interface LeverRateLimit {
  perSecond: number;
  burst?: number;
}

/** Reference §Rate limits: a token bucket per API key, 10 requests/s steady, bursts of 20. */
const LEVER_DEFAULT: LeverRateLimit = lever.manifest.rateLimit ?? { perSecond: 10, burst: 20 };

const shared = new Map<string, RateLimiter>();

/**
 * The one token bucket of a Lever connection in this process. Exports of one connection run
 * in parallel, and Lever limits the key, not the request: each export's context spending a
 * fresh burst would bounce off 429s in a burst of hires.
 */
export function leverLimiterFor(connectionId: string, rate: LeverRateLimit = LEVER_DEFAULT): RateLimiter {
  const key = `${connectionId}:${rate.perSecond}:${rate.burst ?? ""}`;
  let limiter = shared.get(key);
  if (!limiter) {
    limiter = new RateLimiter(rate.perSecond, rate.burst);
    shared.set(key, limiter);
  }
  return limiter;
}
