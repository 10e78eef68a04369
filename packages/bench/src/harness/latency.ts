/** Latency of one kind of request over a phase, as a load generator reports it. */
export interface LatencySummary {
  requests: number;
  /** Non-2xx answers and failed requests: any one of them fails the figure. */
  errors: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Completed requests per second of the phase's wall time. */
  perSecond: number;
}

/** Nearest-rank percentile of ascending samples (0 when there are none). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

/** Per-request timings by kind ("list:search", "person", …), plus every error's first words. */
export class LatencyRecorder {
  private readonly samples = new Map<string, number[]>();
  private readonly errors = new Map<string, number>();
  readonly errorMessages: string[] = [];

  record(kind: string, ms: number): void {
    const list = this.samples.get(kind) ?? [];
    if (list.length === 0) this.samples.set(kind, list);
    list.push(ms);
  }

  fail(kind: string, message: string): void {
    this.errors.set(kind, (this.errors.get(kind) ?? 0) + 1);
    if (this.errorMessages.length < 20) this.errorMessages.push(`${kind}: ${message.slice(0, 300)}`);
  }

  kinds(): string[] {
    return [...new Set([...this.samples.keys(), ...this.errors.keys()])].sort();
  }

  /** One summary over every kind that `match` accepts. */
  summary(match: (kind: string) => boolean, wallMs: number): LatencySummary {
    const all = [...this.samples].filter(([kind]) => match(kind)).flatMap(([, list]) => list);
    const errors = [...this.errors].filter(([kind]) => match(kind)).reduce((sum, [, n]) => sum + n, 0);
    const sorted = all.sort((a, b) => a - b);
    return {
      requests: sorted.length + errors,
      errors,
      p50Ms: percentile(sorted, 50),
      p95Ms: percentile(sorted, 95),
      p99Ms: percentile(sorted, 99),
      maxMs: sorted.at(-1) ?? 0,
      perSecond: wallMs > 0 ? (sorted.length / wallMs) * 1000 : 0,
    };
  }

  /** A summary per kind, for the JSON details. */
  byKind(wallMs: number): Record<string, LatencySummary> {
    return Object.fromEntries(this.kinds().map((kind) => [kind, this.summary((k) => k === kind, wallMs)]));
  }
}

export const formatMs = (ms: number): string => `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
