import { describe, expect, it } from "vitest";
import { ALL_SCOPES, type Person, SIM_TODAY, startZenefitsSim, type Truth } from "../src/index";
import { fetchAll, getJson, type ListData, useSim } from "./helpers";

const idOf = (url: string | null) => (url === null ? null : (url.split("/").pop() ?? null));

/** Depth of the deepest management chain (root = 1). */
function maxDepth(people: Person[]): number {
  const managerOf = new Map(people.map((p) => [p.id, idOf(p.manager.url)]));
  let deepest = 0;
  for (const person of people) {
    let depth = 1;
    for (let m = managerOf.get(person.id); m != null; m = managerOf.get(m)) depth++;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

function checkEdgeCases(truth: Truth): void {
  const people = truth.people;
  const statuses = new Set(people.map((p) => p.status));
  for (const status of ["active", "terminated", "leave_of_absence", "requested", "setup", "deleted", null]) {
    expect(statuses.has(status), String(status)).toBe(true);
  }
  const admin = people.filter((p) => p.type === "admin");
  expect(admin).toHaveLength(1);
  expect(admin[0]?.status).toBeNull();

  const employed = people.filter((p) => p.status === "active" || p.status === "leave_of_absence");
  const roots = employed.filter((p) => p.manager.url === null);
  expect(roots).toHaveLength(1);
  const managerIds = new Set(people.map((p) => idOf(p.manager.url)));
  expect(managerIds.has(roots[0]?.id ?? "")).toBe(true);
  expect(people.filter((p) => p.manager.url === null && p.type === "regular" && p.status === "requested").length).toBeGreaterThan(
    0,
  );
  expect(maxDepth(people)).toBeGreaterThanOrEqual(3);

  const names = people.map((p) => `${p.first_name} ${p.last_name}`);
  for (const fragment of ["Zoë", "O'Brien", "José Núñez", "李"]) {
    expect(
      names.some((n) => n.includes(fragment)),
      fragment,
    ).toBe(true);
  }
  expect(people.some((p) => p.type === "regular" && p.work_email === null)).toBe(true);
  expect(people.some((p) => p.type === "regular" && p.department.url === null)).toBe(true);
  expect(people.some((p) => p.type === "regular" && p.location.url === null)).toBe(true);
  const phones = people.map((p) => p.work_phone);
  for (const phone of ["(713) 555-1234", "+1 415 555 0100", "555.123.4567", "+44 20 7946 0958", "ext. 12"]) {
    expect(phones, phone).toContain(phone);
  }

  const employmentsPerPerson = new Map<string, number>();
  for (const e of truth.employments) {
    const id = idOf(e.person.url) as string;
    employmentsPerPerson.set(id, (employmentsPerPerson.get(id) ?? 0) + 1);
  }
  expect([...employmentsPerPerson.values()].some((n) => n === 2)).toBe(true);
  expect(truth.employments.some((e) => e.termination_date !== null)).toBe(true);
  checkEmploymentEnds(truth);

  const types = new Set(truth.customFields.map((f) => f.custom_field_type));
  expect([...types].sort()).toEqual(["boolean", "date", "number", "select", "text"]);
  const select = truth.customFields.find((f) => f.custom_field_type === "select");
  expect(select?.help_text).toMatch(/^Options: /);
  const withValues = new Set(truth.customFieldValues.map((v) => idOf(v.person.url)));
  expect(withValues.size).toBeGreaterThan(0);
  expect(withValues.size).toBeLessThan(people.length);

  expect(truth.departments.length).toBeGreaterThanOrEqual(3);
  expect(truth.locations.length).toBeGreaterThanOrEqual(2);
  for (const location of truth.locations) {
    expect(location.street1 && location.city && location.zip && location.country).toBeTruthy();
  }
}

/**
 * People who left (terminated, or deleted) have a latest employment that ended: a termination
 * date on or after the hire date and not after "today", a termination type, and is_active false.
 * Everyone else's latest employment is open.
 */
function checkEmploymentEnds(truth: Truth): void {
  const latest = new Map<string, Truth["employments"][number]>();
  for (const e of truth.employments) latest.set(e.person.url as string, e);
  for (const person of truth.people.filter((p) => p.type === "regular")) {
    const employment = latest.get(person.url);
    expect(employment, person.id).toBeDefined();
    const left = person.status === "terminated" || person.status === "deleted";
    if (!left) {
      expect(employment?.termination_date, person.id).toBeNull();
      continue;
    }
    const end = employment?.termination_date as string;
    expect(end >= (employment?.hire_date as string) && end <= SIM_TODAY, `${person.id}: ${end}`).toBe(true);
    expect(employment?.termination_type, person.id).not.toBeNull();
    expect(employment?.is_active, person.id).toBe(false);
    if (person.status === "deleted") expect(employment?.termination_type).toBe("unclassified");
  }
}

describe("seed", () => {
  it("a 10-person seed already holds every edge case (statuses, admin, single root, rehire, names, phones, custom fields)", async () => {
    const sim = await startZenefitsSim({ people: 10, seed: 1 });
    try {
      expect(sim.truth().people).toHaveLength(10);
      checkEdgeCases(sim.truth());
    } finally {
      await sim.close();
    }
  });

  it("the same seed gives identical data; another seed gives different data", async () => {
    const [a, b, c] = await Promise.all([
      startZenefitsSim({ people: 300, seed: 5 }),
      startZenefitsSim({ people: 300, seed: 5 }),
      startZenefitsSim({ people: 300, seed: 6 }),
    ]);
    try {
      const strip = (sim: typeof a) => JSON.stringify(sim.truth()).replaceAll(sim.url, "");
      expect(strip(a)).toEqual(strip(b));
      expect(strip(a)).not.toEqual(strip(c));
      expect(a.clientSecret()).toEqual(b.clientSecret());
      checkEdgeCases(a.truth());
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });

  it("sandbox mode: fixed demo token and client secret, ~250 people, demo company name", async () => {
    const sim = await startZenefitsSim({ sandbox: true });
    try {
      const me = await getJson<{ scopes: string[] }>(`${sim.url}/core/me`, "zen-sandbox-demo-token");
      expect(me.status).toBe(200);
      expect(me.body.data.scopes).toEqual([...ALL_SCOPES]);
      expect(sim.clientSecret()).toBe("zen-sandbox-client-secret");
      const { records } = await fetchAll<{ name: string }>(`${sim.url}/core/companies`, sim.defaultToken);
      expect(records.map((c) => c.name)).toEqual(["Acme Robotics (sandbox)"]);
      expect(sim.counts().people).toBe(250);
    } finally {
      await sim.close();
    }
  });
});

describe("100k seed", () => {
  const sim = useSim({ people: 100_000, seed: 42 });
  type Row = { id: string };

  it("generates 100,000 people with ascending ids and serves the first and last pages", async () => {
    const { url, defaultToken } = sim();
    const counts = sim().counts();
    expect(counts.people).toBe(100_000);
    expect(counts.departments).toBe(4000);
    expect(counts.locations).toBe(2000);
    const first = await getJson<ListData<Row>>(`${url}/core/people?limit=100`, defaultToken);
    expect(first.body.data.data).toHaveLength(100);
    // ending_before past the largest id returns the tail of the list.
    const tail = await getJson<ListData<Row>>(`${url}/core/people?limit=100&ending_before=999999999999`, defaultToken);
    const tailIds = tail.body.data.data.map((p) => p.id);
    expect(tailIds).toHaveLength(100);
    const last = await getJson<ListData<Row>>(`${url}/core/people?limit=100&starting_after=${tailIds[49]}`, defaultToken);
    expect(last.body.data.data.map((p) => p.id)).toEqual(tailIds.slice(50));
    expect(last.body.data.next_url).toBeNull();
  });

  it("serves 200 consecutive 100-record pages by following next_url", async () => {
    const { url, defaultToken } = sim();
    let next: string | null = `${url}/core/people?limit=100`;
    let served = 0;
    for (let page = 0; page < 200 && next !== null; page++) {
      const response: { body: { data: ListData<Row> } } = await getJson<ListData<Row>>(next, defaultToken);
      served += response.body.data.data.length;
      next = response.body.data.next_url;
    }
    // Throughput is measured by `pnpm bench`, never asserted in tests.
    expect(served).toBe(20_000);
  });
});
