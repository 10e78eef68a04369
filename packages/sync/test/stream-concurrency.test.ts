import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createHttpClient } from "@roster/core";
import { describe, expect, it } from "vitest";
import {
  chooseStreamConcurrency,
  DEFAULT_STREAM_CONCURRENCY,
  LATENCY_BOUND_MS,
  readsAhead,
  timedHttp,
} from "../src/stream-concurrency";

describe("how many streams a run reads at once", () => {
  it("reads one chain at a time from a provider that answers faster than a page is written", () => {
    // Tried: a fast provider, and a run that timed nothing. Must hold: one chain.
    expect(chooseStreamConcurrency({ allowed: 3, latencyMs: LATENCY_BOUND_MS - 1, rateLimit: null })).toBe(1);
    expect(chooseStreamConcurrency({ allowed: 3, latencyMs: null, rateLimit: null })).toBe(1);
  });

  it("reads as many chains as the manifest allows from a provider it waits on, the default when it says nothing", () => {
    // Tried: 250 ms round trips with no rate limit; the manifest allowing 2, 5 and nothing.
    // Must hold: its number, or the default.
    expect(chooseStreamConcurrency({ allowed: 2, latencyMs: 250, rateLimit: null })).toBe(2);
    expect(chooseStreamConcurrency({ allowed: 5, latencyMs: 250, rateLimit: undefined })).toBe(5);
    expect(chooseStreamConcurrency({ allowed: undefined, latencyMs: 250, rateLimit: null })).toBe(DEFAULT_STREAM_CONCURRENCY);
  });

  it("reads no more chains than the rate budget lets through in one round trip", () => {
    // Tried: 10 requests/s at 150 ms (1.5 requests per round trip), at 250 ms (2.5) and at
    // 500 ms (5). Must hold: 1, 2, then the manifest's 3.
    const rateLimit = { perSecond: 10 };
    expect(chooseStreamConcurrency({ allowed: 3, latencyMs: 150, rateLimit })).toBe(1);
    expect(chooseStreamConcurrency({ allowed: 3, latencyMs: 250, rateLimit })).toBe(2);
    expect(chooseStreamConcurrency({ allowed: 3, latencyMs: 500, rateLimit })).toBe(3);
  });

  it("reads each chain's next page ahead only from a provider it waits on, or whose speed it does not know", () => {
    // Tried: a provider answering just under and at the latency bound, a slow one, and a run
    // that timed nothing. Must hold: no read-ahead below the bound; read-ahead at it, above
    // it, and when unknown (as for a real provider).
    expect(readsAhead(LATENCY_BOUND_MS - 1)).toBe(false);
    expect(readsAhead(0)).toBe(false);
    expect(readsAhead(LATENCY_BOUND_MS)).toBe(true);
    expect(readsAhead(250)).toBe(true);
    expect(readsAhead(null)).toBe(true);
  });

  it("times the fastest answer a provider gave", async () => {
    // Tried: three requests to a local server that answers the first after 120 ms, the others
    // after 60 ms. Must hold: no time before any answer; after the first, at least its delay;
    // after all three, no more than the first's and never less than the server waited.
    let n = 0;
    const server = createServer((_req, res) => {
      setTimeout(() => res.writeHead(200, { "content-type": "application/json" }).end("{}"), n++ === 0 ? 120 : 60);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const timed = timedHttp(createHttpClient({ provider: "Testco", baseUrl: url }));
      expect(timed.fastestMs()).toBeNull();
      await timed.http.getJson("/x");
      const first = timed.fastestMs() ?? 0;
      expect(first).toBeGreaterThanOrEqual(119);
      await timed.http.getJson("/x");
      await timed.http.getJson("/x");
      expect(timed.fastestMs()).toBeGreaterThanOrEqual(59);
      expect(timed.fastestMs()).toBeLessThanOrEqual(first);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
