import { describe, expect, it } from "vitest";
import { MAX_EMPLOYEES, startBambooHrSim } from "../src/index";
import { call, getJson } from "./helpers";

describe("a 100,000-employee company", () => {
  it("seeds and answers the directory, a single employee and the changed feed", async () => {
    const sim = await startBambooHrSim({ employees: MAX_EMPLOYEES, seed: 1 });
    try {
      const counts = sim.counts();
      expect(counts.employees).toBe(100_000);
      expect(counts.inactive).toBeGreaterThan(5_000);
      const directory = await getJson<{ employees: { id: string }[] }>(sim, "/v1/employees/directory");
      expect(directory.employees).toHaveLength(counts.directory);
      const last = directory.employees.at(-1)?.id as string;
      expect((await getJson(sim, `/v1/employees/${last}?fields=firstName,supervisorEId`)).supervisorEId).toMatch(/^\d+$/);
      const changed = await getJson<{ employees: Record<string, unknown> }>(
        sim,
        "/v1/employees/changed?since=2026-06-01T00:00:00Z",
      );
      expect(Object.keys(changed.employees).length).toBeGreaterThan(1_000);
      const xml = await call(sim, "/v1/employees/directory");
      expect(xml.status).toBe(200);
      const tail = Buffer.from(await xml.arrayBuffer())
        .subarray(-40)
        .toString("utf8");
      expect(tail.endsWith("</employees></directory>\n")).toBe(true);
    } finally {
      await sim.close();
    }
  }, 120_000);

  it("refuses sizes outside 12..100,000", async () => {
    await expect(startBambooHrSim({ employees: MAX_EMPLOYEES + 1 })).rejects.toThrow(RangeError);
    await expect(startBambooHrSim({ employees: 5 })).rejects.toThrow(/12/);
    await expect(startBambooHrSim({ companies: ["Bad Domain"] })).rejects.toThrow(/domain/);
  });
});
