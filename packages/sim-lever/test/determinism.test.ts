import { describe, expect, it } from "vitest";
import { type LeverSim, SANDBOX_API_KEY, SANDBOX_SIGNATURE_TOKEN, startLeverSim } from "../src/index";
import { apiJson } from "./helpers";

/** Truth with the (port-dependent) base URL taken out, so two servers can be compared. */
const portless = (sim: LeverSim) => JSON.parse(JSON.stringify(sim.truth()).replaceAll(sim.url, "BASE"));

describe("determinism and scale", () => {
  it("yields identical data for the same seed and different data for another seed", async () => {
    const [a, b, c] = await Promise.all([startLeverSim({ seed: 7 }), startLeverSim({ seed: 7 }), startLeverSim({ seed: 8 })]);
    try {
      expect(portless(a)).toEqual(portless(b));
      expect(portless(c)).not.toEqual(portless(a));
      expect(c.truth().opportunities.map((o) => o.id)).not.toEqual(a.truth().opportunities.map((o) => o.id));
      expect(a.truth().opportunities).toHaveLength(60);
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });

  it("sandbox mode has the fixed key, signing token and about 40 opportunities", async () => {
    const sim = await startLeverSim({ sandbox: true });
    try {
      expect(sim.apiKey).toBe(SANDBOX_API_KEY);
      expect(sim.webhookSignatureToken).toBe(SANDBOX_SIGNATURE_TOKEN);
      expect(sim.truth().opportunities).toHaveLength(40);
      expect((await apiJson(sim, "/v1/stages")).data.length).toBeGreaterThan(0);
    } finally {
      await sim.close();
    }
  });

  // How fast is `pnpm bench`'s business; on a busy machine seeding alone can take many seconds.
  it("seeds 20,000 opportunities and serves pages from them", async () => {
    const sim = await startLeverSim({ opportunities: 20_000, rateLimit: false });
    try {
      const page = await apiJson(sim, "/v1/opportunities?limit=100&confidentiality=all");
      expect(page.data).toHaveLength(100);
      expect(sim.opportunityIdsInStage("hired").length).toBeGreaterThan(1000);
    } finally {
      await sim.close();
    }
  }, 120_000);

  it("reset restores the seeded state, keys and faults", async () => {
    const sim = await startLeverSim({ rateLimit: false });
    try {
      const before = portless(sim);
      const key = sim.createApiKey();
      await sim.hire(sim.opportunityIdsInStage(sim.ids.offerStageId)[0] ?? "");
      sim.setFaults({ errorRate: 1 });
      sim.reset();
      expect(portless(sim)).toEqual(before);
      expect(sim.faults().errorRate).toBe(0);
      expect((await fetch(`${sim.url}/v1/stages`, { headers: { Authorization: `Bearer ${key}` } })).status).toBe(401);
      expect((await apiJson(sim, "/v1/stages")).data.length).toBeGreaterThan(0);
    } finally {
      await sim.close();
    }
  });
});
