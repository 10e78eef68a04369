import { describe, expect, it } from "vitest";
import { FIXTURE, RESTRICTED_ACCESS } from "../src/index";
import { call, fixtureEmployee, getJson, report, useSim } from "./helpers";

const HIDDEN = ["payRate", "ssn", "dateOfBirth", "homeEmail", "mobilePhone", "supervisor", "supervisorEId", "supervisorId"];

describe("a restricted user: what each endpoint does with a field or employee they cannot see", () => {
  const sim = useSim({ seed: 13 });
  const restricted = () => sim().restrictedApiKey;
  const hr = () => fixtureEmployee(sim(), FIXTURE.hrAdmin).id;

  it("GET employees/{id} omits the hidden fields' keys and keeps the visible ones", async () => {
    const path = `/v1/employees/${hr()}?fields=firstName,jobTitle,${HIDDEN.join(",")}`;
    const full = await getJson(sim(), path);
    expect(Object.keys(full).sort()).toEqual(["id", "firstName", "jobTitle", ...HIDDEN].sort());
    const limited = await getJson(sim(), path, { key: restricted() });
    expect(limited).toEqual({ id: hr(), firstName: full.firstName, jobTitle: full.jobTitle });
  });

  it("the custom report drops the hidden columns silently (200), from fields[] and from every row", async () => {
    const body = await report(sim(), { fields: ["firstName", ...HIDDEN] }, { key: restricted() });
    expect(body.fields.map((f: { id: string }) => f.id)).toEqual(["firstName"]);
    expect(Object.keys(body.employees[0])).toEqual(["id", "firstName"]);
  });

  it("tables omit hidden columns: jobInfo without reportsTo, compensation rows with ids only", async () => {
    const jobs = await getJson<any[]>(sim(), `/v1/employees/${hr()}/tables/jobInfo`, { key: restricted() });
    expect(Object.keys(jobs[0]).sort()).toEqual(["date", "department", "division", "employeeId", "id", "jobTitle", "location"]);
    const pay = await getJson<any[]>(sim(), `/v1/employees/${hr()}/tables/compensation`, { key: restricted() });
    expect(pay.length).toBeGreaterThan(0);
    for (const row of pay) expect(Object.keys(row).sort()).toEqual(["employeeId", "id"]);
  });

  it("the directory is governed by sharing, not field permissions", async () => {
    const full = await getJson(sim(), "/v1/employees/directory");
    const limited = await getJson(sim(), "/v1/employees/directory", { key: restricted() });
    expect(limited).toEqual(full);
  });

  it("cannot add or edit employees (403) and cannot watch hidden fields with a webhook (403 listing them)", async () => {
    const create = await call(sim(), "/v1/employees", {
      key: restricted(),
      method: "POST",
      contentType: "application/json",
      body: JSON.stringify({ firstName: "No", lastName: "Access" }),
    });
    expect(create.status).toBe(403);
    const update = await call(sim(), `/v1/employees/${hr()}`, {
      key: restricted(),
      method: "POST",
      contentType: "application/json",
      body: JSON.stringify({ firstName: "Changed" }),
    });
    expect(update.status).toBe(403);
    expect((await getJson(sim(), `/v1/employees/${hr()}`)).firstName).toBe("Charlotte");
    const hook = await call(sim(), "/v1/webhooks", {
      key: restricted(),
      method: "POST",
      contentType: "application/json",
      body: JSON.stringify({
        name: "watch pay",
        url: "https://example.com/hook",
        format: "json",
        events: ["employee.updated"],
        monitorFields: ["firstName", "payRate", "notAField"],
      }),
    });
    expect(hook.status).toBe(403);
    expect(await hook.json()).toEqual({
      errors: [
        {
          error: expect.any(String),
          monitorFields: ["payRate"],
          postFields: [],
          unknownFields: ["notAField"],
        },
      ],
    });
  });

  it("an employee allow-list: 403 on the others by id, left out of reports, tables/all and changed", async () => {
    const truth = sim().truth();
    const visible = [Number(truth.employees[0]?.id), Number(truth.employees[1]?.id)];
    const { key, userId } = sim().createApiKey({ access: { employees: visible } });
    const hidden = truth.employees[5]?.id as string;
    const refused = await call(sim(), `/v1/employees/${hidden}`, { key, accept: "application/json" });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("x-bamboohr-error-message")).toBeTruthy();
    expect((await call(sim(), `/v1/employees/${hidden}/tables/jobInfo`, { key })).status).toBe(403);
    const rows = (await report(sim(), { fields: ["firstName"] }, { key })).employees;
    expect(rows.map((e: { id: string }) => Number(e.id))).toEqual(visible);
    const all = await getJson<{ employeeId: string }[]>(sim(), "/v1/employees/all/tables/jobInfo", { key });
    expect(new Set(all.map((r) => Number(r.employeeId)))).toEqual(new Set(visible));
    const changed = await getJson(sim(), "/v1/employees/changed?since=2000-01-01T00:00:00Z", { key });
    expect(Object.keys(changed.employees).map(Number)).toEqual(visible);
    sim().setAccess(userId, { employees: "all" });
    expect((await call(sim(), `/v1/employees/${hidden}`, { key })).status).toBe(200);
  });

  it("single fields can be hidden too, and permissions can be changed through the admin API", async () => {
    const { key, userId } = sim().createApiKey();
    const response = await fetch(`${sim().adminUrl}/users/${userId}/access`, {
      method: "PUT",
      body: JSON.stringify({ hiddenFields: ["workEmail", "4003"], hiddenGroups: [] }),
    });
    expect(response.status).toBe(200);
    const body = await getJson(sim(), `/v1/employees/${hr()}?fields=workEmail,4003,firstName`, { key });
    expect(Object.keys(body).sort()).toEqual(["firstName", "id"]);
    const bad = await fetch(`${sim().adminUrl}/users/${userId}/access`, {
      method: "PUT",
      body: JSON.stringify({ hiddenGroups: ["pay"] }),
    });
    expect(bad.status).toBe(400);
    expect(RESTRICTED_ACCESS.canAddEmployees).toBe(false);
  });
});
