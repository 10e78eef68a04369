/**
 * A token bucket: `perSecond` tokens refill continuously up to `burst`. One per provider
 * key in a process (shared-limiters.ts), fed by the connector manifest's hints, so Roster
 * stays under the provider's limit instead of bouncing off 429s.
 */
export class RateLimiter {
  private tokens: number;
  private last = Date.now();

  constructor(
    private perSecond: number,
    private burst: number = Math.max(1, perSecond),
  ) {
    this.tokens = this.burst;
  }

  /** A new rate for the tokens to come; what is in the bucket now never exceeds the new burst. */
  configure(perSecond: number, burst: number = Math.max(1, perSecond)): void {
    this.refill(Date.now());
    this.perSecond = perSecond;
    this.burst = burst;
    this.tokens = Math.min(this.tokens, burst);
  }

  get rate(): { perSecond: number; burst: number } {
    return { perSecond: this.perSecond, burst: this.burst };
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
  }

  async take(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = Date.now();
      this.refill(now);
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      const waitMs = Math.ceil(((1 - this.tokens) / this.perSecond) * 1000);
      await sleep(waitMs, signal);
    }
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
