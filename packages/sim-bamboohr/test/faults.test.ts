import { afterEach, describe, expect, it } from "vitest";
import { call, useSim } from "./helpers";

describe("throttling and fault injection", () => {
  const sim = useSim({ seed: 19 });
  afterEach(() => sim().clearFaults());

  const statuses = async (count: number, path = "/v1/meta/tables") => {
    const out: number[] = [];
    for (let i = 0; i < count; i++) {
      const response = await call(sim(), path, { accept: "application/json" });
      await response.arrayBuffer();
      out.push(response.status);
    }
    return out;
  };

  it("throttles with 429 + Retry-After by default (current BambooHR), then lets requests through", async () => {
    sim().setFaults({ throttleNext: 2, throttleRetryAfterSeconds: 3 });
    const first = await call(sim(), "/v1/meta/tables");
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("3");
    expect(first.headers.get("x-bamboohr-error-message")).toMatch(/rate limit/i);
    expect(first.headers.get("x-request-id")).toBeTruthy();
    expect(await statuses(3)).toEqual([429, 200, 200]);
  });

  it("throttles with the legacy 503, with or without Retry-After", async () => {
    sim().setFaults({ throttleNext: 1, throttleStatus: 503 });
    const legacy = await call(sim(), "/v1/meta/tables");
    expect(legacy.status).toBe(503);
    expect(legacy.headers.get("retry-after")).toBe("1");
    sim().setFaults({ throttleNext: 1, throttleStatus: 503, throttleRetryAfter: false });
    const bare = await call(sim(), "/v1/meta/tables");
    expect(bare.status).toBe(503);
    expect(bare.headers.get("retry-after")).toBeNull();
  });

  it("a token bucket throttles what goes over the rate, saying when a token is due", async () => {
    // A refill so slow that no token comes back while the burst is served.
    sim().setFaults({ rateLimitPerSecond: 0.01, rateLimitBurst: 4 });
    const responses = await Promise.all(Array.from({ length: 8 }, () => call(sim(), "/v1/meta/tables")));
    expect(responses.filter((r) => r.status === 200)).toHaveLength(4);
    const limited = responses.filter((r) => r.status === 429);
    expect(limited).toHaveLength(4);
    expect(Number(limited[0]?.headers.get("retry-after"))).toBeGreaterThan(60);
    await Promise.all(responses.map((r) => r.arrayBuffer()));
  });

  it("injects 5xx at a rate, deterministically for a fault seed, with the status asked for", async () => {
    sim().setFaults({ errorRate: 0.5, seed: 4 });
    const first = await statuses(30);
    const failures = first.filter((s) => s === 500).length;
    expect(failures).toBeGreaterThan(5);
    expect(failures).toBeLessThan(25);
    sim().setFaults({ errorRate: 0.5, seed: 4 });
    expect(await statuses(30)).toEqual(first);
    sim().setFaults({ errorRate: 1, errorStatus: 503 });
    expect(await statuses(2)).toEqual([503, 503]);
  });

  it("truncates every Kth successful body: 200, matching Content-Length, unparseable", async () => {
    sim().setFaults({ truncateEveryKthResponse: 2 });
    const whole = await (await call(sim(), "/v1/employees/directory", { accept: "application/json" })).text();
    expect(() => JSON.parse(whole)).not.toThrow();
    const cut = await call(sim(), "/v1/employees/directory", { accept: "application/json" });
    expect(cut.status).toBe(200);
    const text = await cut.text();
    expect(Number(cut.headers.get("content-length"))).toBe(Buffer.byteLength(text));
    expect(whole.startsWith(text)).toBe(true);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it("resets every Kth connection, delays answers, and pauses without forgetting", async () => {
    sim().setFaults({ resetEveryKthRequest: 2 });
    expect((await call(sim(), "/v1/meta/tables")).status).toBe(200);
    await expect(call(sim(), "/v1/meta/tables")).rejects.toThrow(TypeError);
    sim().setFaults({ latencyMs: 120, resetEveryKthRequest: 0 });
    const started = performance.now();
    await (await call(sim(), "/v1/meta/tables")).arrayBuffer();
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    sim().setFaults({ latencyMs: 0, errorRate: 1, paused: true });
    expect(await statuses(2)).toEqual([200, 200]);
    sim().setFaults({ paused: false });
    expect(await statuses(1)).toEqual([500]);
  });

  it("never faults /__admin, and counts API requests by route and status in the request log", async () => {
    sim().clearRequestLog();
    sim().setFaults({ errorRate: 1 });
    expect((await fetch(`${sim().adminUrl}/faults`)).status).toBe(200);
    await statuses(2, "/v1/employees/0");
    sim().clearFaults();
    await statuses(1, "/v1/employees/0");
    const log = sim().requestLog();
    expect(log.total).toBe(3);
    expect(log.byRoute).toEqual({ "GET /v1/employees/:id": 3 });
    expect(log.byStatus).toEqual({ "500": 2, "200": 1 });
    expect(log.recent.map((r) => r.status)).toEqual([500, 500, 200]);
  });

  it("sets faults over the admin API and refuses unknown keys with 400", async () => {
    const set = await fetch(`${sim().adminUrl}/faults`, {
      method: "PUT",
      body: JSON.stringify({ throttleNext: 1, throttleStatus: 503 }),
    });
    expect(await set.json()).toMatchObject({ throttleNext: 1, throttleStatus: 503 });
    expect((await call(sim(), "/v1/meta/tables")).status).toBe(503);
    const bad = await fetch(`${sim().adminUrl}/faults`, { method: "PUT", body: JSON.stringify({ throttleStatus: 418 }) });
    expect(bad.status).toBe(400);
    const unknown = await fetch(`${sim().adminUrl}/faults`, { method: "PUT", body: JSON.stringify({ chaos: true }) });
    expect(unknown.status).toBe(400);
  });
});
