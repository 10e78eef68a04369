import { describe, expect, it } from "vitest";
import { FIXTURE } from "../src/index";
import { call, fixtureEmployee, getJson, parseXml, report, startBambooHrSimFor, useSim, xmlFieldMap } from "./helpers";

interface Directory {
  fields: { id: string; type: string; name: string }[];
  employees: Record<string, unknown>[];
}

describe("employees/directory", () => {
  const sim = useSim({ employees: 200, seed: 3 });
  const ids = (directory: Directory) => directory.employees.map((e) => e.id);

  it("lists exactly the Active employees whose hire date has come, each with the configured fields", async () => {
    const directory = await getJson<Directory>(sim(), "/v1/employees/directory");
    const truth = sim().truth();
    expect(ids(directory)).toEqual(truth.directoryIds);
    expect(directory.fields.map((f) => f.id)).toContain("supervisor");
    for (const employee of directory.employees) {
      expect(Object.keys(employee)).toEqual(["id", ...directory.fields.map((f) => f.id)]);
    }
    const statuses = new Map(truth.employees.map((e) => [e.id, e.status]));
    expect(directory.employees.every((e) => statuses.get(e.id as string) === "Active")).toBe(true);
    expect(truth.employees.some((e) => e.status === "Inactive")).toBe(true);
  });

  it("leaves out terminated and inactive people, who are still in custom reports", async () => {
    const directory = await getJson<Directory>(sim(), "/v1/employees/directory");
    const gone = [fixtureEmployee(sim(), FIXTURE.terminated).id, fixtureEmployee(sim(), FIXTURE.inactiveNotTerminated).id];
    expect(ids(directory)).not.toContain(gone[0]);
    expect(ids(directory)).not.toContain(gone[1]);
    const all = await report(sim(), { fields: ["status"] });
    const inReport = new Map(all.employees.map((e: { id: string; status: string }) => [e.id, e.status]));
    expect(inReport.get(gone[0])).toBe("Inactive");
    expect(inReport.get(gone[1])).toBe("Inactive");
  });

  it("adds future hires only with onlyCurrent=false", async () => {
    const futureHire = fixtureEmployee(sim(), FIXTURE.futureHire).id;
    expect(ids(await getJson<Directory>(sim(), "/v1/employees/directory"))).not.toContain(futureHire);
    expect(ids(await getJson<Directory>(sim(), "/v1/employees/directory?onlyCurrent=false"))).toContain(futureHire);
  });

  it("keeps the quirks: supervisor as 'First Last', nulls for no department, empty strings kept, photo flags typed", async () => {
    const directory = await getJson<Directory>(sim(), "/v1/employees/directory");
    const byId = new Map(directory.employees.map((e) => [e.id, e]));
    const hr = byId.get(fixtureEmployee(sim(), FIXTURE.hrAdmin).id);
    expect(hr?.supervisor).toBe("Jennifer Caldwell");
    const unplaced = byId.get(fixtureEmployee(sim(), FIXTURE.unplaced).id);
    expect(unplaced).toMatchObject({ department: null, division: null, location: null, firstName: "José" });
    const blank = byId.get(fixtureEmployee(sim(), FIXTURE.blankStrings).id);
    expect(blank).toMatchObject({ workEmail: "", preferredName: "", supervisor: null, firstName: "伟", lastName: "李" });
    expect(typeof hr?.photoUploaded).toBe("boolean");
    expect(hr?.canUploadPhoto).toBe(1);
    expect(directory.employees.some((e) => e.division === "")).toBe(true);
  });

  it("has the same content in XML: <directory><fieldset>…<employees><employee id>", async () => {
    const json = await getJson<Directory>(sim(), "/v1/employees/directory");
    const response = await call(sim(), "/v1/employees/directory");
    const document = parseXml(await response.text()).directory;
    expect(document.fieldset.field.map((f: any) => f["@_id"])).toEqual(json.fields.map((f) => f.id));
    const first = document.employees.employee[0];
    expect(first["@_id"]).toBe(json.employees[0]?.id);
    expect(xmlFieldMap(first.field).displayName).toBe(json.employees[0]?.displayName);
    expect(document.employees.employee).toHaveLength(json.employees.length);
  });

  it("reduces the fieldset for org-chart-only sharing and answers 403 when sharing is off", async () => {
    sim().setCompanySettings({ directory: "orgChartOnly" });
    const reduced = await getJson<Directory>(sim(), "/v1/employees/directory");
    expect(reduced.fields.map((f) => f.id)).not.toContain("workEmail");
    expect(reduced.fields.map((f) => f.id)).toContain("supervisor");
    sim().setCompanySettings({ directory: "disabled" });
    const refused = await call(sim(), "/v1/employees/directory", { accept: "application/json" });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toBe("");
    sim().setCompanySettings({ directory: "enabled", directoryFields: ["firstName", "hireDate"] });
    const custom = await getJson<Directory>(sim(), "/v1/employees/directory");
    expect(custom.fields.map((f) => f.id)).toEqual(["firstName", "hireDate"]);
    expect(custom.employees.find((e) => e.id === fixtureEmployee(sim(), FIXTURE.unplaced).id)?.hireDate).toBe("0000-00-00");
    sim().reset();
  });
});

describe("an empty directory", () => {
  it("answers 404 once nobody is Active", async () => {
    const sim = await startBambooHrSimFor({ employees: 12 });
    try {
      for (const employee of sim.truth().employees) if (employee.status === "Active") sim.deleteEmployee(employee.id);
      const response = await call(sim, "/v1/employees/directory", { accept: "application/json" });
      expect(response.status).toBe(404);
      expect(response.headers.get("x-bamboohr-error-message")).toMatch(/empty/i);
    } finally {
      await sim.close();
    }
  });
});
