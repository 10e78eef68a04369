import { RateLimiter } from "@roster/core";

export interface RateBudget {
  perSecond: number;
  burst?: number;
}

const shared = new Map<string, RateLimiter>();

/**
 * The one token bucket of an ATS connection in this process. Exports of one connection run
 * in parallel, and providers limit the key, not the request: each export's context spending
 * a fresh burst would bounce off 429s in a burst of hires.
 */
export function atsLimiterFor(connectionId: string, rate: RateBudget): RateLimiter {
  const key = `${connectionId}:${rate.perSecond}:${rate.burst ?? ""}`;
  let limiter = shared.get(key);
  if (!limiter) {
    limiter = new RateLimiter(rate.perSecond, rate.burst);
    shared.set(key, limiter);
  }
  return limiter;
}
