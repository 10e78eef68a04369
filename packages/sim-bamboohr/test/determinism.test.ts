import { describe, expect, it } from "vitest";
import { type BambooHrSim, FIXTURE, MIN_EMPLOYEES, SANDBOX_API_KEY, startBambooHrSim } from "../src/index";
import { getJson } from "./helpers";

const clock = () => Date.parse("2026-12-01T00:00:00Z");

describe("determinism", () => {
  it("gives the same data for the same seed, and different data for another seed", async () => {
    const [a, b, c] = await Promise.all([
      startBambooHrSim({ seed: 7, clock }),
      startBambooHrSim({ seed: 7, clock }),
      startBambooHrSim({ seed: 8, clock }),
    ]);
    try {
      expect(a.truth()).toEqual(b.truth());
      expect(c.truth().employees).not.toEqual(a.truth().employees);
      expect(await getJson(a, "/v1/employees/directory")).toEqual(await getJson(b, "/v1/employees/directory"));
      expect(a.mutate({ change: 3, add: 2, terminate: 1, delete: 1 })).toEqual(
        b.mutate({ change: 3, add: 2, terminate: 1, delete: 1 }),
      );
      expect(a.truth()).toEqual(b.truth());
    } finally {
      await Promise.all([a, b, c].map((sim) => sim.close()));
    }
  });

  it("keeps every awkward case even at the smallest size", async () => {
    const sim = await startBambooHrSim({ employees: MIN_EMPLOYEES });
    try {
      const employees = sim.truth().employees;
      const at = (index: number) => employees[index] as Record<string, string | null>;
      expect(at(FIXTURE.terminated)).toMatchObject({ status: "Inactive", employmentHistoryStatus: "Terminated" });
      expect(at(FIXTURE.unplaced)).toMatchObject({ hireDate: "0000-00-00", department: null });
      expect(at(FIXTURE.blankStrings)).toMatchObject({ workEmail: "", firstName: "伟" });
      expect(at(FIXTURE.rehire)?.terminationDate).toBe("0000-00-00");
      expect(at(FIXTURE.noEmployeeNumber)?.employeeNumber).toBe("");
      expect(sim.truth().directoryIds).not.toContain(at(FIXTURE.futureHire)?.id);
    } finally {
      await sim.close();
    }
  });

  it("reset brings back the seeded data, and sandbox mode has the fixed key", async () => {
    const sim: BambooHrSim = await startBambooHrSim({ sandbox: true, clock });
    try {
      expect(sim.apiKey).toBe(SANDBOX_API_KEY);
      const before = sim.truth();
      sim.mutate({ change: 5, add: 5, delete: 2 });
      sim.setFaults({ errorRate: 1 });
      expect(sim.truth()).not.toEqual(before);
      sim.reset();
      expect(sim.truth()).toEqual(before);
      expect(sim.faults().errorRate).toBe(0);
      expect((await getJson(sim, "/v1/employees/0?fields=firstName")).firstName).toBe("Charlotte");
    } finally {
      await sim.close();
    }
  });
});
