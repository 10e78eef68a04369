import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LeverSim, startLeverSim } from "../src/index";
import { fetchAllPages } from "./helpers";

describe("mutate: recruiter activity between two reads", () => {
  let sim: LeverSim;
  beforeAll(async () => {
    sim = await startLeverSim({ opportunities: 30, rateLimit: false });
  });
  afterAll(async () => {
    await sim.close();
  });

  it("edits, adds and deletes opportunities as the API then serves them, sparing the edge cases", async () => {
    // Tried: update 3, add 2, remove 2. Must hold: the API lists exactly the new set; the
    // edited ones carry a newer updatedAt; deleted ones answer 404; the seeded edge cases
    // (0-3 and the last) are untouched.
    const before = sim.truth().opportunities;
    const protectedIds = [...before.slice(0, 4), ...before.slice(-1)].map((o) => o.id);
    const result = sim.mutate({ update: 3, add: 2, remove: 2 });
    expect([result.updated.length, result.added.length, result.removed.length]).toEqual([3, 2, 2]);
    const touched = [...result.updated, ...result.removed];
    expect(new Set(touched).size).toBe(5);
    for (const id of protectedIds) expect(touched).not.toContain(id);

    const { records } = await fetchAllPages(sim, "/v1/opportunities?confidentiality=all", 100);
    const listed = records.map((o) => o.id).sort();
    const expected = [...before.map((o) => o.id).filter((id) => !result.removed.includes(id)), ...result.added].sort();
    expect(listed).toEqual(expected);
    for (const id of result.updated) {
      const edited = records.find((o) => o.id === id);
      const old = before.find((o) => o.id === id);
      expect(edited.updatedAt).toBeGreaterThan(old!.updatedAt);
      expect(edited.headline).not.toBe(old!.headline);
    }
    const added = records.filter((o) => result.added.includes(o.id));
    expect(added.map((o) => o.stage)).toEqual(["applicant-new", "applicant-new"]);
    const gone = await fetch(`${sim.url}/v1/opportunities/${result.removed[0]}`, {
      headers: { Authorization: `Basic ${Buffer.from(`${sim.apiKey}:`).toString("base64")}` },
    });
    expect(gone.status).toBe(404);
  });

  it("is also reachable over the admin endpoint", async () => {
    const res = await fetch(`${sim.adminUrl}/mutate`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ add: 1 }),
    });
    const body = (await res.json()) as { added: string[] };
    expect(body.added).toHaveLength(1);
    expect(sim.truth().opportunities.some((o) => o.id === body.added[0])).toBe(true);
  });
});
