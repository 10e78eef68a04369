export interface RateLimitConfig {
  /** Steady refill rate in requests per second. */
  perSecond: number;
  /** Bucket size: how many requests may arrive at once. */
  burst: number;
}

/** Lever's documented limit: token bucket per API key, 10 req/s steady, bursts to 20 (reference §2). */
export const LEVER_RATE_LIMIT: RateLimitConfig = { perSecond: 10, burst: 20 };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** One token bucket per API key, refilled lazily on each request. */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private config: RateLimitConfig | false) {}

  configure(config: RateLimitConfig | false): void {
    this.config = config;
    this.buckets.clear();
  }

  get current(): RateLimitConfig | false {
    return this.config;
  }

  /** Takes one token for `key`; returns false when the bucket is empty (→ 429). */
  take(key: string, now = performance.now()): boolean {
    const config = this.config;
    if (!config) return true;
    const bucket = this.buckets.get(key) ?? { tokens: config.burst, updatedAt: now };
    bucket.tokens = Math.min(config.burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * config.perSecond);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** Seconds until `key` has a whole token again (for the optional Retry-After header). */
  secondsUntilToken(key: string): number {
    const config = this.config;
    const bucket = this.buckets.get(key);
    if (!config || !bucket) return 0;
    return Math.max(1, Math.ceil((1 - bucket.tokens) / config.perSecond));
  }
}
