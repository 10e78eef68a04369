import { describe, expect, it } from "vitest";
import { SIM_TODAY, startZenefitsSim } from "../src/index";
import { fetchAll, getJson, useSim } from "./helpers";

type PersonRow = {
  id: string;
  title: string | null;
  work_email: string | null;
  status: string | null;
  department: { url: string | null };
  manager: { url: string | null };
};

describe("mutations", () => {
  const sim = useSim({ people: 200, seed: 21 });

  it("change / add / terminate / delete are applied and visible through the API", async () => {
    const { url, defaultToken } = sim();
    const before = new Map(
      sim()
        .truth()
        .people.map((p) => [p.id, p]),
    );
    const maxBefore = [...before.keys()].reduce((max, id) => (BigInt(id) > max ? BigInt(id) : max), 0n);
    const result = sim().mutate({ change: 6, add: 4, terminate: 3, delete: 2 });
    expect(result.changed).toHaveLength(6);
    expect(result.added).toHaveLength(4);
    expect(result.terminated).toHaveLength(3);
    expect(result.deleted).toHaveLength(2);
    const all = [...result.changed, ...result.added, ...result.terminated, ...result.deleted];
    expect(new Set(all).size).toBe(all.length);

    const { records } = await fetchAll<PersonRow>(`${url}/core/people?limit=100`, defaultToken);
    const served = new Map(records.map((p) => [p.id, p]));
    expect(records).toHaveLength(200 + 4 - 2);
    for (const id of result.deleted) {
      expect(served.has(id)).toBe(false);
      expect((await getJson(`${url}/core/people/${id}`, defaultToken)).status).toBe(404);
    }
    for (const id of result.added) {
      expect(BigInt(id) > maxBefore).toBe(true);
      expect(served.get(id)?.status).toBe("active");
    }
    for (const id of result.changed) {
      const old = before.get(id);
      const now = served.get(id);
      const differs =
        old?.title !== now?.title || old?.work_email !== now?.work_email || old?.department.url !== now?.department.url;
      expect(differs, id).toBe(true);
    }
    for (const id of result.terminated) {
      expect(served.get(id)?.status).toBe("terminated");
      const employments = await getJson<{ data: { termination_date: string | null; is_active: boolean }[] }>(
        `${url}/core/people/${id}/employments`,
        defaultToken,
      );
      const latest = employments.body.data.data.at(-1);
      expect(latest).toMatchObject({ termination_date: SIM_TODAY, is_active: false });
    }
    // Reports of deleted managers moved up: every manager ref still resolves.
    for (const person of records) {
      const managerId = person.manager.url?.split("/").pop();
      if (managerId !== undefined) expect(served.has(managerId), person.id).toBe(true);
    }
  });

  it("the same seed and the same mutation batches touch the same ids and give the same data", async () => {
    const a = await startZenefitsSim({ people: 150, seed: 99 });
    const b = await startZenefitsSim({ people: 150, seed: 99 });
    try {
      const batch = { change: 5, add: 5, terminate: 5, delete: 5 };
      expect(a.mutate(batch)).toEqual(b.mutate(batch));
      expect(a.mutate(batch)).toEqual(b.mutate(batch));
      const strip = (sim: typeof a) => JSON.stringify(sim.truth()).replaceAll(sim.url, "");
      expect(strip(a)).toEqual(strip(b));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("mutations through POST /__admin/mutate return the affected ids", async () => {
    const response = await fetch(`${sim().adminUrl}/mutate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ add: 2, terminate: 1 }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { added: string[]; terminated: string[]; changed: string[] };
    expect(body.added).toHaveLength(2);
    expect(body.terminated).toHaveLength(1);
    expect(body.changed).toEqual([]);
    const person = await getJson<PersonRow>(`${sim().url}/core/people/${body.added[0]}`, sim().defaultToken);
    expect(person.status).toBe(200);
  });
});
