import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LeverSim, startLeverSim } from "../src/index";
import { api, readJson } from "./helpers";

describe("rate limit (token bucket per key, 10/s, burst 20)", () => {
  let sim: LeverSim;
  beforeAll(async () => {
    sim = await startLeverSim();
  });
  afterAll(() => sim.close());

  it("answers 429 TooManyRequests beyond the burst, without Retry-After, and recovers", async () => {
    const key = sim.createApiKey();
    const started = performance.now();
    const responses = await Promise.all(Array.from({ length: 30 }, () => api(sim, "/v1/stages", { key })));
    // The bucket refills at 10/s while the burst is in flight; allow for that on a slow machine.
    const refilled = Math.ceil(((performance.now() - started) / 1000) * 10);
    const statuses = responses.map((r) => r.status);
    const limited = responses.filter((r) => r.status === 429);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(20);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(20 + refilled);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0] && (await readJson(limited[0]))).toMatchObject({ code: "TooManyRequests" });
    expect(limited[0]?.headers.get("retry-after")).toBeNull();
    await new Promise((r) => setTimeout(r, 250));
    expect((await api(sim, "/v1/stages", { key })).status).toBe(200);
  });

  it("keeps one bucket per key", async () => {
    // Tried: key a until it is limited (in bursts, so a slow machine's refill cannot keep up), then key b.
    // Must hold: a gets a 429 while b, right after, still gets 200.
    const a = sim.createApiKey();
    const b = sim.createApiKey();
    let limited = false;
    for (let burst = 0; burst < 10 && !limited; burst++) {
      const statuses = await Promise.all(
        Array.from({ length: 25 }, async () => (await api(sim, "/v1/stages", { key: a })).status),
      );
      limited = statuses.includes(429);
    }
    expect(limited).toBe(true);
    expect((await api(sim, "/v1/stages", { key: b })).status).toBe(200);
  });

  it("sends Retry-After only when asked to, and can be disabled for bulk tests", async () => {
    const key = sim.createApiKey();
    sim.setFaults({ retryAfterOn429: true });
    const responses = await Promise.all(Array.from({ length: 25 }, () => api(sim, "/v1/stages", { key })));
    expect(responses.find((r) => r.status === 429)?.headers.get("retry-after")).toMatch(/^\d+$/);
    sim.clearFaults();
    sim.setRateLimit(false);
    const bulk = await Promise.all(Array.from({ length: 60 }, () => api(sim, "/v1/stages", { key })));
    expect(bulk.every((r) => r.status === 200)).toBe(true);
  });
});
