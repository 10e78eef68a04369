import { z } from "zod";
import { createPrng, type Prng } from "../prng";

/** Injected failures; all off by default. Only Lever's real rate limit is on by default (separately). */
export const faultsSchema = z.object({
  /** Fraction (0–1) of authenticated API requests answered 500, drawn from a seeded PRNG. */
  errorRate: z.number().min(0).max(1),
  /** Extra delay before every API answer. */
  latencyMs: z.number().int().min(0).max(60_000),
  /** Every Kth list page is cut mid-JSON (0 = off). */
  truncateEveryKthListPage: z.number().int().min(0),
  /** Every Kth API request has its connection reset without an answer (0 = off). */
  resetEveryKthRequest: z.number().int().min(0),
  /** Lever documents no Retry-After on 429; set true to send one anyway (for client tests). */
  retryAfterOn429: z.boolean(),
});

export type Faults = z.infer<typeof faultsSchema>;

export const NO_FAULTS: Faults = {
  errorRate: 0,
  latencyMs: 0,
  truncateEveryKthListPage: 0,
  resetEveryKthRequest: 0,
  retryAfterOn429: false,
};

/**
 * Decides, request by request, which fault applies. Counters and the PRNG restart whenever the
 * faults change, so "every Kth" and the random 500s are reproducible from that moment.
 */
export class FaultInjector {
  private faults: Faults = { ...NO_FAULTS };
  private prng: Prng;
  private requestCount = 0;
  private listPageCount = 0;

  constructor(private readonly seed: number) {
    this.prng = createPrng(seed);
  }

  get current(): Faults {
    return { ...this.faults };
  }

  set(partial: Partial<Faults>): void {
    this.faults = { ...this.faults, ...partial };
    this.restart();
  }

  clear(): void {
    this.faults = { ...NO_FAULTS };
    this.restart();
  }

  /** Counts one API request; true when this one's connection must be reset. */
  shouldReset(): boolean {
    this.requestCount++;
    const k = this.faults.resetEveryKthRequest;
    return k > 0 && this.requestCount % k === 0;
  }

  shouldFail(): boolean {
    return this.faults.errorRate > 0 && this.prng.next() < this.faults.errorRate;
  }

  /** Counts one list page; true when this one must be truncated. */
  shouldTruncate(): boolean {
    this.listPageCount++;
    const k = this.faults.truncateEveryKthListPage;
    return k > 0 && this.listPageCount % k === 0;
  }

  private restart(): void {
    this.prng = createPrng(this.seed);
    this.requestCount = 0;
    this.listPageCount = 0;
  }
}
