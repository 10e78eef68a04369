import { type Employee, type Employment, modelSchemas } from "@roster/core";
import { type BambooHrSim, type BambooTruth, FIXTURE, startBambooHrSim } from "@roster/sim-bamboohr";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bamboohr, bamboohrStreams } from "../src/index";
import { contextFor, mappedIds, readStream, streamNames, truthIds } from "./harness";

// 430 employees: three pages of at most 200 per paged stream.
let sim: BambooHrSim;
let truth: BambooTruth;
beforeAll(async () => {
  sim = await startBambooHrSim({ employees: 430, seed: 7 });
  truth = sim.truth();
});
afterAll(async () => {
  await sim?.close();
});

async function employeesByTruthIndex(): Promise<{ mapped: Map<string, Employee>; at: (index: number) => Employee }> {
  const read = await readStream(bamboohrStreams.employees, contextFor(sim));
  const mapped = new Map<string, Employee>();
  for (const raw of read.records) {
    const result = bamboohrStreams.employees.map(raw);
    if (!result.ok) throw new Error(result.reason);
    mapped.set(result.value.remoteId, result.value);
  }
  return { mapped, at: (index) => mapped.get(truth.employees[index]!.id)! };
}

const blankToNull = (value: string | null | undefined) => (value === null || value === undefined || value === "" ? null : value);
const dateOf = (value: string | null | undefined) => (blankToNull(value) === null || value === "0000-00-00" ? null : value!);
const optionId = (alias: string, name: string | null) =>
  name === null || name === ""
    ? null
    : String(truth.lists.find((l) => l.alias === alias)?.options.find((o) => o.name === name && !o.archived)?.id ?? "missing");

describe("full reads against the simulator", () => {
  it.each(streamNames)(
    "%s: every record of the simulator's truth, each exactly once, each mapping to a valid record",
    async (name) => {
      // Tried: a full read with the full-access key. Must hold: the mapped ids are the truth's, none fails to map.
      const stream = bamboohrStreams[name];
      const read = await readStream(stream, contextFor(sim));
      expect(read.cursor).toBeNull();
      const ids = mappedIds(stream, read.records);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(truthIds(truth)[name]);
      for (const raw of read.records) {
        const mapped = stream.map(raw);
        if (!mapped.ok) throw new Error(mapped.reason);
        expect(modelSchemas[stream.model].parse(mapped.value)).toEqual(mapped.value);
      }
    },
  );

  it("employees: terminated and inactive people are included, with BambooHR's dates and words", async () => {
    // Tried: read everyone. Must hold: Inactive people (left out of the directory) are there, terminated ones as "terminated".
    const { mapped, at } = await employeesByTruthIndex();
    const inactive = truth.employees.filter((e) => e.status === "Inactive");
    expect(inactive.length).toBeGreaterThan(10);
    expect(inactive.every((e) => !truth.directoryIds.includes(e.id) && mapped.has(e.id))).toBe(true);
    for (const e of truth.employees) {
      const expected =
        e.employmentHistoryStatus === "Terminated" ? "terminated" : e.status === "Inactive" ? "inactive" : "active";
      expect({ id: e.id, status: mapped.get(e.id)?.status }).toEqual({ id: e.id, status: expected });
    }
    expect(at(FIXTURE.terminated)).toMatchObject({ firstName: "Zoë", lastName: "O'Brien", status: "terminated" });
    expect(at(FIXTURE.terminated).terminationDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(at(FIXTURE.inactiveNotTerminated)).toMatchObject({ status: "inactive", terminationDate: null });
  });

  it("employees: each field equals the simulator's truth (names, contact, job, manager by employee id, dates)", async () => {
    // Tried: compare every mapped employee with the truth's row. Must hold: the documented field mapping, "" and 0000-00-00 as null.
    const { mapped } = await employeesByTruthIndex();
    for (const e of truth.employees) {
      const got = mapped.get(e.id)!;
      expect({
        id: got.remoteId,
        firstName: got.firstName,
        lastName: got.lastName,
        preferredName: got.preferredName,
        workEmail: got.workEmail,
        personalEmail: got.personalEmail,
        workPhone: got.workPhone,
        personalPhone: got.personalPhone,
        jobTitle: got.jobTitle,
        departmentRemoteId: got.departmentRemoteId,
        locationRemoteId: got.locationRemoteId,
        managerRemoteId: got.managerRemoteId,
        hireDate: got.hireDate,
        startDate: got.startDate,
        terminationDate: got.terminationDate,
      }).toEqual({
        id: e.id,
        firstName: e.firstName,
        lastName: e.lastName,
        preferredName: blankToNull(e.preferredName),
        workEmail: blankToNull(e.workEmail),
        personalEmail: blankToNull(e.homeEmail),
        workPhone: blankToNull(e.workPhone),
        personalPhone: blankToNull(e.mobilePhone) ?? blankToNull(e.homePhone),
        jobTitle: blankToNull(e.jobTitle),
        departmentRemoteId: optionId("department", blankToNull(e.department)),
        locationRemoteId: optionId("location", blankToNull(e.location)),
        managerRemoteId: blankToNull(e.supervisorEId),
        hireDate: dateOf(e.originalHireDate) ?? dateOf(e.hireDate),
        startDate: dateOf(e.hireDate),
        terminationDate: dateOf(e.terminationDate),
      });
    }
  });

  it("employees: the awkward cases (zero dates, blank strings, unicode names, supervisor id vs employee number)", async () => {
    const { mapped, at } = await employeesByTruthIndex();
    // 0000-00-00 hire date and no department, division or location: all null, the person still mapped.
    expect(at(FIXTURE.unplaced)).toMatchObject({
      firstName: "José",
      lastName: "Núñez",
      startDate: null,
      departmentRemoteId: null,
    });
    // Blank work email and preferred name are null; the CJK name is kept as written.
    expect(at(FIXTURE.blankStrings)).toMatchObject({ firstName: "伟", lastName: "李", workEmail: null, preferredName: null });
    expect(at(FIXTURE.blankStrings).displayName).toBe("伟 李");
    // Łukasz reports to Chidi, whose employee number is "": supervisorId is "" but supervisorEId names Chidi.
    const chidi = truth.employees[FIXTURE.noEmployeeNumber]!;
    expect(truth.employees[FIXTURE.restrictedUser]!.supervisorId ?? "").toBe("");
    expect(at(FIXTURE.restrictedUser).managerRemoteId).toBe(chidi.id);
    // Chidi still reports to the terminated Zoë, who is in the read, so the link resolves.
    expect(at(FIXTURE.noEmployeeNumber).managerRemoteId).toBe(truth.employees[FIXTURE.terminated]!.id);
    expect(mapped.has(truth.employees[FIXTURE.terminated]!.id)).toBe(true);
    // A rehire: hire date is the original one, start date the latest hire, no termination date (0000-00-00).
    const rehire = at(FIXTURE.rehire);
    expect(rehire.status).toBe("active");
    expect(rehire.terminationDate).toBeNull();
    expect(rehire.hireDate! < rehire.startDate!).toBe(true);
  });

  it("employments: a rehire has two periods, the first ended by its termination", async () => {
    const read = await readStream(bamboohrStreams.employments, contextFor(sim));
    const rehireId = truth.employees[FIXTURE.rehire]!.id;
    const periods = read.records
      .map((raw) => bamboohrStreams.employments.map(raw))
      .flatMap((m) => (m.ok ? [m.value as Employment] : []))
      .filter((e) => e.employeeRemoteId === rehireId)
      .sort((a, b) => (a.startDate ?? "").localeCompare(b.startDate ?? ""));
    expect(periods).toHaveLength(2);
    expect(periods[0]).toMatchObject({ isActive: false, terminationDate: expect.stringMatching(/^\d{4}-/) });
    expect(periods[1]).toMatchObject({ isActive: true, terminationDate: null });
    expect(periods[1]!.startDate).toBe(truth.employees[FIXTURE.rehire]!.hireDate);
  });

  it("employees, employments and custom field values span pages of at most 200 employees", async () => {
    for (const name of ["employees", "employments", "customFieldValues"] as const) {
      const read = await readStream(bamboohrStreams[name], contextFor(sim));
      expect({ name, pages: read.pages }).toEqual({ name, pages: Math.ceil(truth.employees.length / 200) });
    }
  });

  it.each(["employees", "employments", "customFieldValues"] as const)(
    "%s: resuming from the cursor after one page reads the rest, nothing twice or missed",
    async (name) => {
      const stream = bamboohrStreams[name];
      const first = await readStream(stream, contextFor(sim), null, 1);
      expect(first.cursor).toMatch(/^\d+$/);
      // A fresh context, as after a worker restart: the cursor alone carries the position.
      const rest = await readStream(stream, contextFor(sim), first.cursor);
      expect(rest.cursor).toBeNull();
      const all = [...mappedIds(stream, first.records), ...mappedIds(stream, rest.records)].sort();
      expect(new Set(all).size).toBe(all.length);
      expect(all).toEqual(truthIds(truth)[name]);
    },
  );

  it("the restricted key (no personal contact, no supervisor): every field it cannot read is declared, nothing else differs", async () => {
    // Tried: read employees with the seeded restricted key and with the full key. Must hold: verify names the
    // missing permissions, and every mapped field that differs is one those permissions feed (so the engine keeps it).
    const restricted = contextFor(sim, sim.restrictedApiKey);
    const { missing } = await bamboohr.verify(restricted);
    expect(missing.sort()).toEqual(["personalContact", "reportsTo"]);
    const declared = new Set(missing.flatMap((p) => bamboohrStreams.employees.fieldsByPermission?.[p] ?? []));
    const full = await employeesByTruthIndex();
    const read = await readStream(bamboohrStreams.employees, restricted);
    let differing = 0;
    for (const raw of read.records) {
      const mapped = bamboohrStreams.employees.map(raw);
      if (!mapped.ok) throw new Error(mapped.reason);
      const reference = full.mapped.get(mapped.value.remoteId)! as Record<string, unknown>;
      for (const [field, value] of Object.entries(mapped.value)) {
        if (field === "remoteData" || value === reference[field]) continue;
        differing++;
        expect(declared, `${mapped.value.remoteId}.${field} differs but is not declared`).toContain(field);
      }
    }
    expect(differing, "the restricted key does see less").toBeGreaterThan(0);
  });
});
