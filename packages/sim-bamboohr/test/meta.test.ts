import { describe, expect, it } from "vitest";
import { FIXTURE, RESTRICTED_ACCESS } from "../src/index";
import { call, fixtureEmployee, getJson, parseXml, useSim } from "./helpers";

describe("meta endpoints", () => {
  const sim = useSim();

  it("meta/fields lists fields with an alias only when they have one", async () => {
    const fields = await getJson<{ id: number | string; name: string; type: string; alias?: string }[]>(sim(), "/v1/meta/fields");
    expect(fields.find((f) => f.alias === "firstName")).toMatchObject({ name: "First name", type: "text" });
    const github = fields.find((f) => f.id === "4003");
    expect(github).toEqual({ id: "4003", name: "GitHub username", type: "text" });
    expect(fields.some((f) => f.alias === "photoUrl")).toBe(false);
    const xml = parseXml(await (await call(sim(), "/v1/meta/fields")).text());
    expect(xml.fields.field).toHaveLength(fields.length);
  });

  it("meta/fields follows the caller's permissions only when that reading is switched on", async () => {
    const all = await getJson<unknown[]>(sim(), "/v1/meta/fields", { key: sim().restrictedApiKey });
    sim().setBehaviour({ metaFieldsFollowPermissions: true });
    const visible = await getJson<{ alias?: string }[]>(sim(), "/v1/meta/fields", { key: sim().restrictedApiKey });
    sim().setBehaviour({ metaFieldsFollowPermissions: false });
    expect(visible.length).toBeLessThan(all.length);
    expect(visible.some((f) => f.alias === "ssn" || f.alias === "payRate")).toBe(false);
    expect(RESTRICTED_ACCESS.hiddenGroups).toContain("compensation");
  });

  it("meta/lists has departments with an archived option still named by old jobInfo rows", async () => {
    const lists = await getJson<any[]>(sim(), "/v1/meta/lists");
    const departments = lists.find((l) => l.alias === "department");
    expect(departments).toMatchObject({ fieldId: 25, name: "Department", manageable: "yes", multiple: "no" });
    const archived = departments.options.find((o: { archived: string }) => o.archived === "yes");
    expect(archived).toMatchObject({ name: "Research & Development", archivedDate: "2019-12-31" });
    const rehire = fixtureEmployee(sim(), FIXTURE.rehire).id;
    const rows = await getJson<{ department: string }[]>(sim(), `/v1/employees/${rehire}/tables/jobInfo`);
    expect(rows.map((r) => r.department)).toContain(archived.name);
    expect(lists.find((l) => l.alias === "customShirtSize")?.fieldId).toBe("4001");
  });

  it("meta/tables describes jobInfo, employmentStatus and compensation", async () => {
    const tables = await getJson<{ alias: string; fields: { alias: string }[] }[]>(sim(), "/v1/meta/tables");
    expect(tables.map((t) => t.alias)).toEqual(["jobInfo", "employmentStatus", "compensation"]);
    expect(tables[0]?.fields.map((f) => f.alias)).toEqual([
      "date",
      "location",
      "department",
      "division",
      "jobTitle",
      "reportsTo",
    ]);
  });

  it("meta/users is an object keyed by user id, employeeId 0 when unlinked, lastLogin only when there is one", async () => {
    const users = await getJson<Record<string, any>>(sim(), "/v1/meta/users");
    expect(Object.keys(users)).toEqual(["2001", "2002", "2003", "2004"]);
    expect(users["2001"]).toMatchObject({
      id: 2001,
      employeeId: Number(fixtureEmployee(sim(), FIXTURE.hrAdmin).id),
      status: "enabled",
    });
    expect(users["2003"].employeeId).toBe(0);
    expect("lastLogin" in users["2003"]).toBe(false);
    expect(users["2004"].status).toBe("disabled");
    const xml = parseXml(await (await call(sim(), "/v1/meta/users")).text());
    expect(xml.users.user.map((u: any) => u["@_id"])).toEqual(["2001", "2002", "2003", "2004"]);
  });
});
