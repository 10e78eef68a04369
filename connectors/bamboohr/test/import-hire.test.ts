import { ConnectorError, type Hire } from "@roster/core";
import { type BambooHrSim, startBambooHrSim } from "@roster/sim-bamboohr";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { bamboohr, bamboohrStreams, InvalidHireError } from "../src/index";
import { contextFor } from "./harness";

const importHire = bamboohr.actions!.importHire!;
let sim: BambooHrSim;
beforeAll(async () => {
  sim = await startBambooHrSim({ employees: 25, seed: 3 });
});
beforeEach(() => sim.reset());
afterAll(async () => {
  await sim?.close();
});

function hire(overrides: Partial<Hire> = {}): Hire {
  return {
    externalId: "opp-1234",
    source: "lever",
    stage: "hired",
    firstName: "Mẫn",
    lastName: "Trần-O'Connell",
    email: "man.tran@example.org",
    phone: "+1 801 555 0142",
    jobTitle: "Software Engineer",
    department: "engineering",
    workLocation: "London",
    manager: { name: "Jennifer Caldwell", email: "jennifer.caldwell@acme.example" },
    // Before the simulator's "today" (2026-07-01), so the job values are current ones.
    startDate: "2026-06-15",
    offerDate: "2026-06-20",
    salary: { amount: 95000, currency: "GBP", interval: "per-year-salary", annualEquivalent: null },
    employmentType: { type: "full_time", asWritten: "Full-time", source: "offer" },
    interviewers: [],
    document: null,
    ...overrides,
  };
}

const truthOf = (id: string) => sim.truth().employees.find((e) => e.id === id);

describe("importHire", () => {
  it("creates the employee; the id it returns is BambooHR's and reads back with the hire's values", async () => {
    // Tried: import a full hire. Must hold: one new employee, the returned id is the new one, list values as BambooHR spells them.
    const before = sim.counts().employees;
    const result = await importHire.run(contextFor(sim), hire());
    expect(importHire.output.parse(result)).toEqual(result);
    expect(result.created).toBe(true);
    expect(sim.counts().employees).toBe(before + 1);
    expect(truthOf(result.remoteId)).toMatchObject({
      firstName: "Mẫn",
      lastName: "Trần-O'Connell",
      homeEmail: "man.tran@example.org",
      workEmail: null,
      mobilePhone: "+1 801 555 0142",
      hireDate: "2026-06-15",
      jobTitle: "Software Engineer",
      department: "Engineering",
      location: "London",
    });
    // What BambooHR cannot take through an employee create is named, not silently dropped.
    expect(result.status).toMatch(
      /^created; not set: Reports To \(Jennifer Caldwell\); Employment Status \(Full-time\); Compensation$/,
    );
    // The connector's own read sees the new person.
    const records: Parameters<typeof bamboohrStreams.employees.map>[0][] = [];
    for await (const page of bamboohrStreams.employees.readRecords!(contextFor(sim), [result.remoteId]))
      records.push(...page.records);
    expect(records).toHaveLength(1);
    const mapped = bamboohrStreams.employees.map(records[0]!);
    expect(mapped.ok && mapped.value).toMatchObject({ remoteId: result.remoteId, personalEmail: "man.tran@example.org" });
  });

  it("a start date still ahead: the job values wait in BambooHR's job history, effective that day", async () => {
    // BambooHR future-dates history rows (reference §3.3): the current values read empty until the start date.
    const result = await importHire.run(contextFor(sim), hire({ startDate: "2026-08-03" }));
    expect(truthOf(result.remoteId)).toMatchObject({ hireDate: "2026-08-03", department: null });
    const rows = sim.truth().tables.jobInfo!.filter((row) => row.employeeId === result.remoteId);
    expect(rows).toEqual([
      expect.objectContaining({ date: "2026-08-03", department: "Engineering", jobTitle: "Software Engineer" }),
    ]);
  });

  it("a department that is not a BambooHR option is left out and named; the employee is still created", async () => {
    const result = await importHire.run(
      contextFor(sim),
      hire({ department: "Skunkworks", manager: null, salary: null, employmentType: null }),
    );
    expect(result.created).toBe(true);
    expect(result.status).toBe('created; not set: Department "Skunkworks" (not an option of BambooHR\'s Department list)');
    expect(truthOf(result.remoteId)?.department ?? null).toBeNull();
  });

  it("sending the same hire again changes nothing and returns the first id (matched by email)", async () => {
    const first = await importHire.run(contextFor(sim), hire());
    const count = sim.counts().employees;
    const again = await importHire.run(contextFor(sim), hire({ email: " MAN.TRAN@example.org " }));
    expect(again).toEqual({
      remoteId: first.remoteId,
      created: false,
      status: expect.stringMatching(/already in BambooHR as employee/),
    });
    expect(sim.counts().employees).toBe(count);
  });

  it("a hire missing a required field is refused before anything reaches BambooHR, naming the field", async () => {
    sim.clearRequestLog();
    const error = await importHire.run(contextFor(sim), hire({ lastName: "  " })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidHireError);
    expect((error as Error).message).toMatch(/lastName/);
    expect(sim.requestLog().total).toBe(0);
    const noEmail = await importHire.run(contextFor(sim), hire({ email: "not-an-address" })).catch((e: unknown) => e);
    expect((noEmail as Error).message).toMatch(/email: an email address/);
  });

  it("a key whose user may not add employees: verify and run are forbidden with a hint, and nothing is created", async () => {
    const key = sim.createApiKey({ access: { canAddEmployees: false } }).key;
    const count = sim.counts().employees;
    const verifyError = await importHire.verify(contextFor(sim, key)).catch((e: unknown) => e);
    expect(verifyError).toBeInstanceOf(ConnectorError);
    expect(verifyError).toMatchObject({ kind: "forbidden", hint: expect.stringMatching(/add employees/) });
    const runError = await importHire.run(contextFor(sim, key), hire()).catch((e: unknown) => e);
    expect(runError).toMatchObject({ kind: "forbidden", hint: expect.stringMatching(/add employees/) });
    expect(sim.counts().employees).toBe(count);
  });

  it("verify with a key that may add employees names the account and creates no one; a wrong key is invalid_credentials", async () => {
    const count = sim.counts().employees;
    expect(await importHire.verify(contextFor(sim))).toEqual({ account: { id: "acme", name: "acme.bamboohr.com" } });
    expect(sim.counts().employees).toBe(count);
    const error = await importHire.verify(contextFor(sim, "0".repeat(40))).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "invalid_credentials" });
    expect(importHire.acceptsOffers).toBe(false);
  });
});
