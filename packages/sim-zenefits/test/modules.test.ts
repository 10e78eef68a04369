import { describe, expect, it } from "vitest";
import { startZenefitsSim } from "../src/index";
import { fetchAll } from "./helpers";

type Linked = {
  id: string;
  person?: { url: string | null };
  creator?: { url: string | null };
  approver?: { url: string | null };
};

const MODULE_LISTS = [
  "/core/equal_employment_opportunities",
  "/time_off/vacation_requests",
  "/time_attendance/time_durations",
  "/payroll/payrun_pay_stubs",
] as const;

async function readModules(url: string, token: string): Promise<Record<string, Linked[]>> {
  const out: Record<string, Linked[]> = {};
  for (const path of MODULE_LISTS) out[path] = (await fetchAll<Linked>(`${url}${path}?limit=100`, token)).records;
  return out;
}

describe("module data (labor groups, EEO, time off, time, payroll)", () => {
  it("is the same for the same seed, whichever company is read first", async () => {
    // Tried: two simulators with the same seed and two companies; one reads company B's payroll first.
    // Must hold: byte-identical module records for both companies (module data is built on first read).
    const [a, b] = await Promise.all([
      startZenefitsSim({ people: 40, seed: 8, companies: 2 }),
      startZenefitsSim({ people: 40, seed: 8, companies: 2 }),
    ]);
    try {
      const second = (sim: typeof a) => sim.createToken({ companyId: sim.companyIds[1] as string });
      const bSecond = await readModules(b.url, second(b));
      const bFirst = await readModules(b.url, b.defaultToken);
      const aFirst = await readModules(a.url, a.defaultToken);
      const aSecond = await readModules(a.url, second(a));
      const strip = (value: unknown, url: string) => JSON.stringify(value).replaceAll(url, "");
      expect(strip(aFirst, a.url)).toBe(strip(bFirst, b.url));
      expect(strip(aSecond, a.url)).toBe(strip(bSecond, b.url));
      expect(strip(aFirst, a.url)).not.toBe(strip(aSecond, a.url));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("drops the records of people a delete mutation removes, and no ref points at them", async () => {
    // Tried: read every module list, delete 10 people, read again.
    // Must hold: no record's person, creator or approver is a deleted person; records of others stay.
    const sim = await startZenefitsSim({ people: 80, seed: 12 });
    try {
      const before = await readModules(sim.url, sim.defaultToken);
      const { deleted } = sim.mutate({ delete: 10 });
      const gone = new Set(deleted.map((id) => `${sim.url}/core/people/${id}`));
      const after = await readModules(sim.url, sim.defaultToken);
      const ofDeleted = Object.values(before)
        .flat()
        .filter((r) => r.person?.url && gone.has(r.person.url));
      expect(ofDeleted.length, "the deleted people had module records").toBeGreaterThan(0);
      for (const path of MODULE_LISTS) {
        const linksGone = (r: Linked) => [r.person, r.creator, r.approver].some((ref) => ref?.url && gone.has(ref.url));
        expect(after[path]?.filter(linksGone), path).toEqual([]);
        const kept = before[path]?.filter((r) => !(r.person?.url && gone.has(r.person.url))).map((r) => r.id);
        expect(
          after[path]?.map((r) => r.id),
          path,
        ).toEqual(kept);
      }
    } finally {
      await sim.close();
    }
  });
});
