import { describe, expect, it } from "vitest";
import { FIXTURE } from "../src/index";
import { call, fixtureEmployee, getJson, useSim } from "./helpers";

describe("GET employees/{id}?fields=", () => {
  const sim = useSim({ seed: 5 });
  const idOf = (index: number) => fixtureEmployee(sim(), index).id;

  it("returns id plus firstName and lastName when no fields are named", async () => {
    const ceo = idOf(FIXTURE.ceo);
    expect(await getJson(sim(), `/v1/employees/${ceo}`)).toEqual({ id: ceo, firstName: "Jennifer", lastName: "Caldwell" });
  });

  it("returns only the requested fields, by alias or by numeric id, and omits unknown ones", async () => {
    const id = idOf(FIXTURE.hrAdmin);
    const body = await getJson(sim(), `/v1/employees/${id}?fields=workEmail,4003,customShirtSize,noSuchField,8`);
    expect(Object.keys(body).sort()).toEqual(["4003", "8", "customShirtSize", "id", "workEmail"].sort());
    expect(body.workEmail).toBe("charlotte.abbott@acme.example");
    expect(body["8"]).toBe(fixtureEmployee(sim(), FIXTURE.hrAdmin).employeeNumber);
    expect(Object.values(body).every((v) => v === null || typeof v === "string")).toBe(true);
  });

  it("resolves employees/0 to the key's own employee, and 404s for a user without one", async () => {
    expect((await getJson(sim(), "/v1/employees/0?fields=lastName")).lastName).toBe("Abbott");
    const { key } = sim().createApiKey();
    expect((await call(sim(), "/v1/employees/0", { key })).status).toBe(404);
  });

  it("tells supervisorEId (an employee id) from supervisorId (an employee number, here empty)", async () => {
    const chidi = fixtureEmployee(sim(), FIXTURE.noEmployeeNumber);
    const lukasz = await getJson(
      sim(),
      `/v1/employees/${idOf(FIXTURE.restrictedUser)}?fields=supervisor,supervisorEId,supervisorId,supervisorEmail`,
    );
    expect(lukasz).toMatchObject({ supervisor: "Okafor, Chidi", supervisorEId: chidi.id, supervisorId: "" });
    const hr = await getJson(sim(), `/v1/employees/${idOf(FIXTURE.hrAdmin)}?fields=supervisorEId,supervisorId`);
    const ceo = fixtureEmployee(sim(), FIXTURE.ceo);
    expect(hr).toMatchObject({ supervisorEId: ceo.id, supervisorId: ceo.employeeNumber });
    expect(hr.supervisorEId).not.toBe(hr.supervisorId);
  });

  it("keeps the zero date and clears a rehire's termination date to it", async () => {
    const unplaced = await getJson(sim(), `/v1/employees/${idOf(FIXTURE.unplaced)}?fields=hireDate,department,middleName`);
    expect(unplaced).toMatchObject({ hireDate: "0000-00-00", department: null, middleName: "" });
    const rehire = await getJson(
      sim(),
      `/v1/employees/${idOf(FIXTURE.rehire)}?fields=hireDate,originalHireDate,terminationDate,employmentHistoryStatus,status`,
    );
    expect(rehire.terminationDate).toBe("0000-00-00");
    expect(rehire.status).toBe("Active");
    expect(rehire.originalHireDate < rehire.hireDate).toBe(true);
    const contractor = await getJson(
      sim(),
      `/v1/employees/${idOf(FIXTURE.contractor)}?fields=dateOfBirth,payRate,employmentHistoryStatus`,
    );
    expect(contractor).toMatchObject({ dateOfBirth: "0000-00-00", payRate: null, employmentHistoryStatus: "Contractor" });
  });

  it("reads inactive employees by id, with Terminated status and a termination date", async () => {
    const body = await getJson(
      sim(),
      `/v1/employees/${idOf(FIXTURE.terminated)}?fields=status,employmentHistoryStatus,terminationDate`,
    );
    expect(body.status).toBe("Inactive");
    expect(body.employmentHistoryStatus).toBe("Terminated");
    expect(body.terminationDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("shows future-dated history values only with onlyCurrent=false", async () => {
    const lukasz = idOf(FIXTURE.restrictedUser);
    const now = await getJson(sim(), `/v1/employees/${lukasz}?fields=jobTitle`);
    const later = await getJson(sim(), `/v1/employees/${lukasz}?fields=jobTitle&onlyCurrent=false`);
    expect(now.jobTitle).toBe("Senior Software Engineer");
    expect(later.jobTitle).toBe("Engineering Manager");
    const leaving = idOf(FIXTURE.futureTermination);
    expect((await getJson(sim(), `/v1/employees/${leaving}?fields=employmentHistoryStatus`)).employmentHistoryStatus).not.toBe(
      "Terminated",
    );
    expect(
      (await getJson(sim(), `/v1/employees/${leaving}?fields=employmentHistoryStatus&onlyCurrent=false`)).employmentHistoryStatus,
    ).toBe("Terminated");
  });

  it("refuses more than 400 fields with 400, and answers 404 for unknown or malformed ids", async () => {
    const many = Array.from({ length: 401 }, (_, i) => `f${i}`).join(",");
    const tooMany = await call(sim(), `/v1/employees/0?fields=${many}`, { accept: "application/json" });
    expect(tooMany.status).toBe(400);
    expect(tooMany.headers.get("x-bamboohr-error-message")).toMatch(/400/);
    expect((await call(sim(), "/v1/employees/99999999")).status).toBe(404);
    expect((await call(sim(), "/v1/employees/abc")).status).toBe(404);
  });
});
