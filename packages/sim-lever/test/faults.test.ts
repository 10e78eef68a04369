import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type LeverSim, startLeverSim } from "../src/index";
import { api, readJson } from "./helpers";

describe("fault injection", () => {
  let sim: LeverSim;
  beforeAll(async () => {
    sim = await startLeverSim({ rateLimit: false });
  });
  afterEach(() => sim.clearFaults());
  afterAll(() => sim.close());

  it("is off by default", () => {
    expect(sim.faults()).toEqual({
      errorRate: 0,
      latencyMs: 0,
      truncateEveryKthListPage: 0,
      resetEveryKthRequest: 0,
      retryAfterOn429: false,
    });
  });

  it("answers 500 {code,message} at the configured rate, reproducibly", async () => {
    const run = async () => {
      sim.setFaults({ errorRate: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) statuses.push((await api(sim, "/v1/stages")).status);
      return statuses;
    };
    const first = await run();
    const errors = first.filter((s) => s === 500).length;
    expect(errors).toBeGreaterThan(8);
    expect(errors).toBeLessThan(32);
    expect(await run()).toEqual(first);
    sim.setFaults({ errorRate: 1 });
    const res = await api(sim, "/v1/stages");
    expect(res.status).toBe(500);
    expect(await readJson(res)).toMatchObject({ code: "InternalServer" });
  });

  it("truncates every Kth list page mid-JSON while the HTTP exchange completes", async () => {
    sim.setFaults({ truncateEveryKthListPage: 2 });
    const ok = await api(sim, "/v1/opportunities?limit=5");
    expect((await readJson(ok)).data).toHaveLength(5);
    const cut = await api(sim, "/v1/opportunities?limit=5");
    expect(cut.status).toBe(200);
    const text = await cut.text();
    expect(text.length).toBeGreaterThan(0);
    expect(() => JSON.parse(text)).toThrow();
    // Single-object answers are never cut.
    const one = await api(sim, `/v1/stages/${sim.ids.offerStageId}`);
    expect((await readJson(one)).data.text).toBe("Offer");
  });

  it("resets the connection of every Kth request", async () => {
    sim.setFaults({ resetEveryKthRequest: 3 });
    const outcomes: string[] = [];
    for (let i = 0; i < 6; i++) {
      outcomes.push(
        await api(sim, "/v1/stages").then(
          (r) => String(r.status),
          () => "reset",
        ),
      );
    }
    expect(outcomes).toEqual(["200", "200", "reset", "200", "200", "reset"]);
    expect(sim.requestLog().byStatus.reset).toBeGreaterThanOrEqual(2);
  });

  it("adds the configured latency", async () => {
    sim.setFaults({ latencyMs: 150 });
    const started = performance.now();
    expect((await api(sim, "/v1/stages")).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
  });
});
