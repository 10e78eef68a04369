import { describe, expect, it } from "vitest";
import { FIXTURE, SIM_TODAY } from "../src/index";
import { call, fixtureEmployee, getJson, parseXml, useSim } from "./helpers";

interface Changed {
  latest: string;
  employees: Record<string, { id: string; action: string; lastChanged: string }>;
}

describe("employees/changed and the history tables after mutations", () => {
  let now = Date.parse("2026-12-01T10:00:00Z");
  const sim = useSim({ seed: 11, clock: () => now });
  const since = (iso: string, extra = "") =>
    getJson<Changed>(sim(), `/v1/employees/changed?since=${encodeURIComponent(iso)}${extra}`);

  it("reports inserts, updates and deletions made since `since`, keyed by id, and a `latest` to feed back", async () => {
    const before = "2026-12-01T10:00:00Z";
    expect((await since(before)).employees).toEqual({});
    const hr = fixtureEmployee(sim(), FIXTURE.hrAdmin).id;
    const gone = fixtureEmployee(sim(), FIXTURE.inactiveNotTerminated).id;
    now += 5_000;
    sim().updateEmployee(hr, { mobilePhone: "(801) 555-0000" });
    now += 5_000;
    const added = sim().createEmployee({ firstName: "Nova", lastName: "Lindqvist", department: "Engineering" });
    now += 5_000;
    sim().deleteEmployee(gone);
    const changed = await since(before);
    expect(changed.employees).toEqual({
      [hr]: { id: hr, action: "Updated", lastChanged: "2026-12-01T10:00:05+00:00" },
      [added]: { id: added, action: "Inserted", lastChanged: "2026-12-01T10:00:10+00:00" },
      [gone]: { id: gone, action: "Deleted", lastChanged: "2026-12-01T10:00:15+00:00" },
    });
    expect(changed.latest).toBe("2026-12-01T10:00:15+00:00");
    expect(Object.keys((await since(before, "&type=deleted")).employees)).toEqual([gone]);
    expect(Object.keys((await since(before, "&type=inserted")).employees)).toEqual([added]);
    // Inclusive by default: feeding `latest` back repeats the newest change rather than risk missing one.
    expect(Object.keys((await since(changed.latest)).employees)).toEqual([gone]);
    sim().setBehaviour({ changedSince: "exclusive" });
    expect((await since(changed.latest)).employees).toEqual({});
    sim().setBehaviour({ changedSince: "inclusive" });
  });

  it("answers 400 for a missing or unparseable since and an unknown type", async () => {
    for (const query of ["", "?since=yesterday", "?since=2026-12-01", "?since=2026-12-01T00:00:00Z&type=sideways"]) {
      const response = await call(sim(), `/v1/employees/changed${query}`, { accept: "application/json" });
      expect(response.status).toBe(400);
      expect(response.headers.get("x-bamboohr-error-message")).toBeTruthy();
    }
    // An offset is honoured: 11:00+01:00 is 10:00Z.
    expect(await since("2026-12-01T11:00:00+01:00")).toEqual(await since("2026-12-01T10:00:00Z"));
  });

  it("records a termination as an employmentStatus row and a rehire as another, both feeding changed", async () => {
    now += 60_000;
    const mark = new Date(now).toISOString();
    const id = fixtureEmployee(sim(), FIXTURE.ceo + 20).id;
    const terminated = sim().terminateEmployee(id, { terminationReasonId: "2" });
    expect(terminated.changedFields).toEqual(expect.arrayContaining(["status", "employmentHistoryStatus", "terminationDate"]));
    let person = await getJson(sim(), `/v1/employees/${id}?fields=status,employmentHistoryStatus,terminationDate`);
    expect(person).toMatchObject({ status: "Inactive", employmentHistoryStatus: "Terminated", terminationDate: SIM_TODAY });
    now += 1_000;
    sim().rehireEmployee(id, { date: SIM_TODAY, employmentStatus: "Part-Time" });
    person = await getJson(sim(), `/v1/employees/${id}?fields=status,employmentHistoryStatus,terminationDate,hireDate`);
    expect(person).toMatchObject({
      status: "Active",
      employmentHistoryStatus: "Part-Time",
      terminationDate: "0000-00-00",
      hireDate: SIM_TODAY,
    });
    const rows = await getJson<any[]>(sim(), `/v1/employees/${id}/tables/employmentStatus`);
    const statuses = [...rows].sort((a, b) => Number(a.id) - Number(b.id)).map((r) => r.employmentStatus);
    expect(statuses.slice(-2)).toEqual(["Terminated", "Part-Time"]);
    expect(rows.find((r) => r.employmentStatus === "Terminated" && r.date === SIM_TODAY)).toMatchObject({
      terminationReasonId: "2",
    });
    expect((await since(mark)).employees[id]?.action).toBe("Updated");
  });

  it("adds jobInfo and compensation rows; changed/tables returns all rows of employees changed since", async () => {
    now += 60_000;
    const mark = new Date(now).toISOString();
    const id = fixtureEmployee(sim(), FIXTURE.hrAdmin).id;
    const before = await getJson<any[]>(sim(), `/v1/employees/${id}/tables/jobInfo`);
    const move = sim().addJobInfo(id, { date: SIM_TODAY, department: "Finance", jobTitle: "Controller" });
    expect(move.changedFields.sort()).toEqual(["department", "jobTitle"]);
    sim().addCompensation(id, { startDate: SIM_TODAY, rate: "99000", reason: "Promotion" });
    const current = await getJson(sim(), `/v1/employees/${id}?fields=department,jobTitle,payRate`);
    expect(current).toEqual({ id, department: "Finance", jobTitle: "Controller", payRate: "99000.00 USD" });
    const jobs = await getJson<any[]>(sim(), `/v1/employees/${id}/tables/jobInfo`);
    expect(jobs).toHaveLength(before.length + 1);
    expect(jobs.find((r) => r.department === "Finance")).toMatchObject({
      employeeId: id,
      date: SIM_TODAY,
      reportsTo: "Jennifer Caldwell",
    });
    const changed = await getJson<any>(sim(), `/v1/employees/changed/tables/jobInfo?since=${encodeURIComponent(mark)}`);
    expect(changed.table).toBe("jobInfo");
    expect(Object.keys(changed.employees)).toEqual([id]);
    expect(changed.employees[id].rows).toHaveLength(jobs.length);
    const pay = await getJson<any>(sim(), `/v1/employees/changed/tables/compensation?since=${encodeURIComponent(mark)}`);
    expect(pay.employees[id].rows.map((r: { rate: string }) => r.rate)).toContain("99000.00 USD");
    expect((await call(sim(), "/v1/employees/changed/tables/nope?since=2026-01-01T00:00:00Z")).status).toBe(404);
    const xml = parseXml(
      await (await call(sim(), `/v1/employees/changed/tables/jobInfo?since=${encodeURIComponent(mark)}`)).text(),
    );
    expect(xml.table[0]["@_id"]).toBe("jobInfo");
    expect(xml.table[0].employee[0]["@_id"]).toBe(id);
  });

  it("serves employees/all/tables/{table} with inactive and terminated employees included", async () => {
    const rows = await getJson<{ employeeId: string; employmentStatus: string }[]>(
      sim(),
      "/v1/employees/all/tables/employmentStatus",
    );
    const terminated = fixtureEmployee(sim(), FIXTURE.terminated).id;
    expect(rows.filter((r) => r.employeeId === terminated).map((r) => r.employmentStatus)).toContain("Terminated");
    // Everyone with a status row, active or not (an employee created through the API has none).
    const owners = new Set(rows.map((r) => r.employeeId));
    expect(owners).toEqual(
      new Set(
        sim()
          .truth()
          .tables.employmentStatus?.map((r) => r.employeeId),
      ),
    );
    const inactive = sim()
      .truth()
      .employees.filter((e) => e.status === "Inactive")
      .map((e) => e.id);
    expect(inactive.length).toBeGreaterThan(0);
    for (const id of inactive) expect(owners).toContain(id);
    expect((await call(sim(), "/v1/employees/all/tables/benefits")).status).toBe(404);
    expect((await call(sim(), "/v1/employees/99999999/tables/jobInfo")).status).toBe(404);
  });

  it("mutate() applies deterministic random churn that changed reports", async () => {
    now += 60_000;
    const mark = new Date(now).toISOString();
    const result = sim().mutate({ change: 4, add: 2, terminate: 2, delete: 1 });
    expect(result.changed).toHaveLength(4);
    expect(result.added).toHaveLength(2);
    const changed = (await since(mark)).employees;
    for (const id of [...result.changed, ...result.terminated]) expect(changed[id]?.action).toBe("Updated");
    for (const id of result.added) expect(changed[id]?.action).toBe("Inserted");
    for (const id of result.deleted) expect(changed[id]?.action).toBe("Deleted");
  });
});
