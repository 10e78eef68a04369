import { describe, expect, it } from "vitest";
import { FIXTURE } from "../src/index";
import { call, fixtureEmployee, parseXml, report, useSim, xmlFieldMap } from "./helpers";

describe("POST reports/custom", () => {
  const sim = useSim({ employees: 120, seed: 8 });

  it("includes every employee whatever their status, with string or null values", async () => {
    const body = await report(sim(), {
      title: "All",
      fields: ["id", "firstName", "status", "hireDate", "payRate", "photoUploaded"],
    });
    expect(body.title).toBe("All");
    expect(body.fields[0]).toEqual({ id: "id", type: "int", name: "EEID" });
    expect(body.employees.map((e: { id: string }) => e.id)).toEqual(
      sim()
        .truth()
        .employees.map((e) => e.id),
    );
    expect(new Set(body.employees.map((e: { status: string }) => e.status))).toEqual(new Set(["Active", "Inactive"]));
    for (const employee of body.employees) {
      for (const value of Object.values(employee)) expect(value === null || typeof value === "string").toBe(true);
    }
    expect(body.employees[0].payRate).toMatch(/^\d+\.\d{2} [A-Z]{3}$/);
  });

  it("writes supervisor as 'Last, First' and supervisorId as the supervisor's employee number", async () => {
    const body = await report(sim(), { fields: ["supervisor", "supervisorId", "supervisorEId"] });
    const hr = body.employees.find((e: { id: string }) => e.id === fixtureEmployee(sim(), FIXTURE.hrAdmin).id);
    const ceo = fixtureEmployee(sim(), FIXTURE.ceo);
    expect(hr).toMatchObject({ supervisor: "Caldwell, Jennifer", supervisorId: ceo.employeeNumber, supervisorEId: ceo.id });
  });

  it("drops unknown fields silently and refuses over 400 fields", async () => {
    const body = await report(sim(), { fields: ["firstName", "notAField"] });
    expect(body.fields.map((f: { id: string }) => f.id)).toEqual(["firstName"]);
    expect(Object.keys(body.employees[0])).toEqual(["id", "firstName"]);
    const tooMany = await call(sim(), "/v1/reports/custom?format=json", {
      method: "POST",
      contentType: "application/json",
      body: JSON.stringify({ fields: Array.from({ length: 401 }, (_, i) => `f${i}`) }),
    });
    expect(tooMany.status).toBe(400);
    const noFields = await call(sim(), "/v1/reports/custom?format=json", {
      method: "POST",
      contentType: "application/json",
      body: "{}",
    });
    expect(noFields.status).toBe(400);
    const badJson = await call(sim(), "/v1/reports/custom?format=json", {
      method: "POST",
      contentType: "application/json",
      body: "{",
    });
    expect(badJson.status).toBe(400);
  });

  it("filters by lastChanged and by employee ids", async () => {
    const truth = sim().truth();
    const cutoff = truth.employees.map((e) => e.lastChanged as string).sort()[100] as string;
    const recent = await report(sim(), {
      fields: ["lastChanged"],
      filters: { lastChanged: { includeNull: "no", value: cutoff } },
    });
    expect(recent.employees.length).toBe(truth.employees.filter((e) => (e.lastChanged as string) >= cutoff).length);
    expect(recent.employees.every((e: { lastChanged: string }) => e.lastChanged >= cutoff)).toBe(true);
    const ids = [Number(truth.employees[3]?.id), Number(truth.employees[7]?.id)];
    const picked = await report(sim(), { fields: ["firstName"], filters: { employeeIds: ids } });
    expect(picked.employees.map((e: { id: string }) => Number(e.id))).toEqual(ids);
    const bad = await call(sim(), "/v1/reports/custom?format=json", {
      method: "POST",
      contentType: "application/json",
      body: JSON.stringify({ fields: ["firstName"], filters: { lastChanged: { value: "yesterday" } } }),
    });
    expect(bad.status).toBe(400);
  });

  it("answers the same rows as XML", async () => {
    const response = await call(sim(), "/v1/reports/custom?format=xml", {
      method: "POST",
      contentType: "application/json",
      body: JSON.stringify({ title: "X", fields: ["firstName", "department"] }),
    });
    const document = parseXml(await response.text()).report;
    expect(document.title).toBe("X");
    expect(document.employees.employee).toHaveLength(sim().truth().employees.length);
    const unplaced = document.employees.employee.find((e: any) => e["@_id"] === fixtureEmployee(sim(), FIXTURE.unplaced).id);
    expect(xmlFieldMap(unplaced.field)).toEqual({ firstName: "José", department: "" });
  });

  it("does not render xls or pdf (501) but accepts the request", async () => {
    const pdf = await call(sim(), "/v1/reports/custom?format=pdf", {
      method: "POST",
      contentType: "application/json",
      body: JSON.stringify({ fields: ["firstName"] }),
    });
    expect(pdf.status).toBe(501);
  });
});
