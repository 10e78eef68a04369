import { createRng, type Rng } from "../prng";

/** Every fault is off at its zero value. Applies to /core and /ats, never /__admin. */
export interface FaultConfig {
  /** Probability (0..1) that a request answers 500. Deterministic per `seed`. */
  error500Rate: number;
  /** Token-bucket refill per second; above it requests get 429 + Retry-After. 0 = off. */
  rateLimitPerSecond: number;
  /** Bucket size (burst); 0 = same as rateLimitPerSecond. */
  rateLimitBurst: number;
  /** Added delay before answering. */
  latencyMs: number;
  /** Extra uniformly random delay in [0, latencyJitterMs]. */
  latencyJitterMs: number;
  /** Every Kth list page is cut short: a prefix of the JSON with status 200. 0 = off. */
  truncateEveryKthListPage: number;
  /** Every Kth request has its socket destroyed without an answer. 0 = off. */
  resetEveryKthRequest: number;
  /** Every Kth list page has one record with an unexpected shape. 0 = off. */
  malformedEveryKthListPage: number;
  /** Suspends every fault (counters stand still) without forgetting the settings. */
  paused: boolean;
  /** Seed of the fault PRNG (500s, jitter). */
  seed: number;
}

export const NO_FAULTS: FaultConfig = {
  error500Rate: 0,
  rateLimitPerSecond: 0,
  rateLimitBurst: 0,
  latencyMs: 0,
  latencyJitterMs: 0,
  truncateEveryKthListPage: 0,
  resetEveryKthRequest: 0,
  malformedEveryKthListPage: 0,
  paused: false,
  seed: 1,
};

export type RequestFault =
  | { kind: "reset" }
  | { kind: "throttle"; retryAfterSeconds: number; delayMs: number }
  | { kind: "error500"; delayMs: number }
  | { kind: "none"; delayMs: number };

export interface ListPageFault {
  truncate: boolean;
  malformed: boolean;
}

/**
 * Decides, per request, which fault (if any) hits it. Counters and the PRNG
 * restart whenever the settings change, so "every 3rd page" means pages 3, 6,
 * 9, ... counted from the `set` call.
 */
export class FaultInjector {
  private config: FaultConfig = { ...NO_FAULTS };
  private rng: Rng = createRng(NO_FAULTS.seed);
  private requestCount = 0;
  private listPageCount = 0;
  private bucketTokens = 0;
  private bucketUpdatedAt = 0;

  get current(): FaultConfig {
    return { ...this.config };
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
    this.listPageCount = 0;
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
    if (config.resetEveryKthRequest > 0 && this.requestCount % config.resetEveryKthRequest === 0) {
      return { kind: "reset" };
    }
    const delayMs = config.latencyMs + (config.latencyJitterMs > 0 ? this.rng.next() * config.latencyJitterMs : 0);
    const throttle = this.takeFromBucket(now);
    if (throttle !== null) return { kind: "throttle", retryAfterSeconds: throttle, delayMs };
    if (config.error500Rate > 0 && this.rng.next() < config.error500Rate) return { kind: "error500", delayMs };
    return { kind: "none", delayMs };
  }

  /** Returns null when a token was available, else the Retry-After seconds. */
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

  onListPage(): ListPageFault {
    const config = this.config;
    if (config.paused) return { truncate: false, malformed: false };
    this.listPageCount++;
    const hits = (k: number) => k > 0 && this.listPageCount % k === 0;
    return { truncate: hits(config.truncateEveryKthListPage), malformed: hits(config.malformedEveryKthListPage) };
  }
}
