import { createHash } from "node:crypto";
import { RateLimiter } from "./rate-limiter";

export interface RateLimit {
  perSecond: number;
  burst?: number;
}

/** What a provider's budget belongs to: a connector, and the key it is spent with. */
export interface ProviderKey {
  connectorId: string;
  /** Where the key is sent: the same key against another host (a sandbox, a region) is another budget. */
  baseUrl: string;
  /**
   * What authenticates each request (the connector's auth headers): the provider counts by
   * that, so credential fields never sent (a webhook signing token) do not split a budget.
   */
  headers: Readonly<Record<string, string>>;
}

/**
 * A one-way fingerprint of a provider key: limiters are found by it, so the secret itself is
 * never a map key, never in a heap snapshot's strings, and never logged with the limiter.
 */
export function credentialFingerprint(key: ProviderKey): string {
  const base = key.baseUrl.replace(/\/+$/, "");
  const headers = Object.entries(key.headers)
    .map(([name, value]) => [name.toLowerCase(), value])
    .sort(([a], [b]) => (a! < b! ? -1 : a! > b! ? 1 : 0));
  return createHash("sha256")
    .update(JSON.stringify([key.connectorId, base, headers]))
    .digest("base64url");
}

/**
 * Held weakly: a bucket lives as long as some context spends from it, so two users of a key at
 * the same time always share one, and a key nobody uses any more leaves nothing behind.
 */
const limiters = new Map<string, WeakRef<RateLimiter>>();
const forget = new FinalizationRegistry<string>((id) => {
  if (limiters.get(id)?.deref() === undefined) limiters.delete(id);
});

/**
 * The one token bucket of a provider key in this process. Providers limit the key, not the
 * request or the job: every sync, export and check spending the same key shares this bucket,
 * so together they stay under the limit instead of each spending a fresh burst. When users of
 * the key were told different rates, the strictest holds for all of them.
 */
export function sharedRateLimiter(key: ProviderKey, rate: RateLimit): RateLimiter {
  const id = `${key.connectorId}:${credentialFingerprint(key)}`;
  const perSecond = rate.perSecond;
  const burst = rate.burst ?? Math.max(1, perSecond);
  const limiter = limiters.get(id)?.deref();
  if (!limiter) {
    const fresh = new RateLimiter(perSecond, burst);
    limiters.set(id, new WeakRef(fresh));
    forget.register(fresh, id);
    return fresh;
  }
  const current = limiter.rate;
  if (perSecond < current.perSecond || burst < current.burst) {
    limiter.configure(Math.min(perSecond, current.perSecond), Math.min(burst, current.burst));
  }
  return limiter;
}
