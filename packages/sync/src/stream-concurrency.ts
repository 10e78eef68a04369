import type { HttpClient, HttpRequest, HttpResponse } from "@roster/core";

/** Cursor chains a provider is read with at once when its manifest does not say. */
export const DEFAULT_STREAM_CONCURRENCY = 3;

/**
 * Below this, the provider answers faster than a page takes to map and write: the run is bound
 * by this machine, not by waiting, and more chains at once only add memory (one page in hand
 * and one batch being written per chain). Real providers answer in 200–500 ms.
 */
export const LATENCY_BOUND_MS = 50;

/**
 * How many long chains of a run read at once (streams marked `lookup`, a page or two each, read
 * beside them without a slot):
 * 1. the manifest's `streamConcurrency` (default 3) is the most the provider is read with;
 * 2. one chain when the provider answers faster than LATENCY_BOUND_MS (or nothing was timed):
 *    waiting is not what the run spends its time on;
 * 3. no more chains than the rate budget lets through in one round trip (requests per second ×
 *    latency): beyond that, the extra chains only queue at the limiter.
 * `latencyMs` is the fastest answer seen so far in the run (verify's requests): the provider's
 * round trip, without the queueing a busy moment adds to the others.
 */
export function chooseStreamConcurrency(input: {
  allowed: number | undefined;
  latencyMs: number | null;
  rateLimit: { perSecond: number } | null | undefined;
}): number {
  const allowed = Math.max(1, Math.floor(input.allowed ?? DEFAULT_STREAM_CONCURRENCY));
  if (input.latencyMs === null || input.latencyMs < LATENCY_BOUND_MS) return 1;
  const budget = input.rateLimit ? Math.max(1, Math.floor((input.rateLimit.perSecond * input.latencyMs) / 1000)) : allowed;
  return Math.min(allowed, budget);
}

/**
 * Whether each chain asks for its next page while the current one is mapped and written
 * (read-ahead.ts). Against a provider it waits on, that hides our work behind the round trip.
 * Against one that answers faster than LATENCY_BOUND_MS it hides next to nothing, and the page
 * held ahead outlives a young-generation collection or two: copied, then promoted, it adds to
 * the garbage collector's work, a sync's largest overhead against such a provider. Unknown
 * latency (nothing timed) reads ahead, as for a real provider.
 */
export function readsAhead(latencyMs: number | null): boolean {
  return latencyMs === null || latencyMs >= LATENCY_BOUND_MS;
}

/** An HTTP client that remembers the fastest answer it got (its round trip to the provider). */
export function timedHttp(http: HttpClient): { http: HttpClient; fastestMs: () => number | null } {
  let fastest: number | null = null;
  async function request<T>(sent: HttpRequest): Promise<HttpResponse<T>> {
    const started = performance.now();
    const response = await http.request<T>(sent);
    const took = performance.now() - started;
    if (fastest === null || took < fastest) fastest = took;
    return response;
  }
  return {
    http: {
      request,
      getJson: async <T>(url: string, query?: HttpRequest["query"]) => (await request<T>({ url, query })).data,
    },
    fastestMs: () => fastest,
  };
}
