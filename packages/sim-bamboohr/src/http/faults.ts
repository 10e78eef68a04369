import { createRng, type Rng } from "../prng";

/** Every fault is off at its zero value. Faults apply to the API, never to /__admin. */
export interface FaultConfig {
  /** Probability (0..1) that a request answers `errorStatus`. Deterministic per `seed`. */
  errorRate: number;
  /** The 5xx status injected errors use: 500, 502, 503 (temporarily unavailable) or 504. */
  errorStatus: 500 | 502 | 503 | 504;
  /** Token-bucket refill per second; above it requests are throttled. 0 = off. */
  rateLimitPerSecond: number;
  /** Bucket size (burst); 0 = same as rateLimitPerSecond. */
  rateLimitBurst: number;
  /** The next N requests are throttled, whatever the bucket says: a burst of 429s (or 503s). */
  throttleNext: number;
  /** 429 + Retry-After is current BambooHR (from 2026-09-16); 503 is the legacy throttle (reference §1.5). */
  throttleStatus: 429 | 503;
  /** Send Retry-After on throttled answers. BambooHR documents it for 429; legacy 503s may lack it. */
  throttleRetryAfter: boolean;
  /** Retry-After seconds for `throttleNext` answers (bucket answers say when a token is due). */
  throttleRetryAfterSeconds: number;
  /** Added delay before answering. */
  latencyMs: number;
  /** Extra uniformly random delay in [0, latencyJitterMs]. */
  latencyJitterMs: number;
  /** Every Kth successful body is cut in half (status 200, matching Content-Length). 0 = off. */
  truncateEveryKthResponse: number;
  /** Every Kth request has its socket destroyed without an answer. 0 = off. */
  resetEveryKthRequest: number;
  /** Suspends every fault (counters stand still) without forgetting the settings. */
  paused: boolean;
  /** Seed of the fault PRNG (errors, jitter). */
  seed: number;
}

export const NO_FAULTS: FaultConfig = {
  errorRate: 0,
  errorStatus: 500,
  rateLimitPerSecond: 0,
  rateLimitBurst: 0,
  throttleNext: 0,
  throttleStatus: 429,
  throttleRetryAfter: true,
  throttleRetryAfterSeconds: 1,
  latencyMs: 0,
  latencyJitterMs: 0,
  truncateEveryKthResponse: 0,
  resetEveryKthRequest: 0,
  paused: false,
  seed: 1,
};

export type RequestFault =
  | { kind: "reset" }
  | { kind: "throttle"; retryAfterSeconds: number; delayMs: number }
  | { kind: "error"; status: number; delayMs: number }
  | { kind: "none"; delayMs: number };

/**
 * Decides, per request, which fault (if any) hits it. Counters and the PRNG
 * restart whenever the settings change, so "every 3rd response" counts from
 * the `set` call and a run can be replayed.
 */
export class FaultInjector {
  private config: FaultConfig = { ...NO_FAULTS };
  private rng: Rng = createRng(NO_FAULTS.seed);
  private requestCount = 0;
  private bodyCount = 0;
  private throttleLeft = 0;
  private bucketTokens = 0;
  private bucketUpdatedAt = 0;

  get current(): FaultConfig {
    return { ...this.config, throttleNext: this.throttleLeft };
  }

  set(partial: Partial<FaultConfig>): FaultConfig {
    this.config = { ...this.config, ...partial };
    this.restart();
    return this.current;
  }

  clear(): void {
    this.config = { ...NO_FAULTS };
    this.restart();
  }

  private restart(): void {
    this.rng = createRng(this.config.seed);
    this.requestCount = 0;
    this.bodyCount = 0;
    this.throttleLeft = this.config.throttleNext;
    this.bucketTokens = this.burst();
    this.bucketUpdatedAt = performance.now();
  }

  private burst(): number {
    return this.config.rateLimitBurst > 0 ? this.config.rateLimitBurst : this.config.rateLimitPerSecond;
  }

  onRequest(now = performance.now()): RequestFault {
    const config = this.config;
    if (config.paused) return { kind: "none", delayMs: 0 };
    this.requestCount++;
    if (config.resetEveryKthRequest > 0 && this.requestCount % config.resetEveryKthRequest === 0) return { kind: "reset" };
    const delayMs = config.latencyMs + (config.latencyJitterMs > 0 ? this.rng.next() * config.latencyJitterMs : 0);
    if (this.throttleLeft > 0) {
      this.throttleLeft--;
      return { kind: "throttle", retryAfterSeconds: config.throttleRetryAfterSeconds, delayMs };
    }
    const wait = this.takeFromBucket(now);
    if (wait !== null) return { kind: "throttle", retryAfterSeconds: wait, delayMs };
    if (config.errorRate > 0 && this.rng.next() < config.errorRate) return { kind: "error", status: config.errorStatus, delayMs };
    return { kind: "none", delayMs };
  }

  /** Null when a token was available, else whole seconds until one is. */
  private takeFromBucket(now: number): number | null {
    const rate = this.config.rateLimitPerSecond;
    if (rate <= 0) return null;
    const elapsedSeconds = Math.max(0, now - this.bucketUpdatedAt) / 1000;
    this.bucketTokens = Math.min(this.burst(), this.bucketTokens + elapsedSeconds * rate);
    this.bucketUpdatedAt = now;
    if (this.bucketTokens >= 1) {
      this.bucketTokens -= 1;
      return null;
    }
    return Math.max(1, Math.ceil((1 - this.bucketTokens) / rate));
  }

  /** Counts one successful answer with a body; true when this one must be truncated. */
  onBody(): boolean {
    if (this.config.paused) return false;
    this.bodyCount++;
    const k = this.config.truncateEveryKthResponse;
    return k > 0 && this.bodyCount % k === 0;
  }
}
