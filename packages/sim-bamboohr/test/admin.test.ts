import { describe, expect, it } from "vitest";
import { FIXTURE } from "../src/index";
import { call, fixtureEmployee, getJson, readJson, useSim } from "./helpers";

const admin = (base: string, path: string, method = "GET", body?: unknown) =>
  fetch(`${base}${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

describe("the admin HTTP API (/__admin)", () => {
  const sim = useSim({ companies: ["acme", "globex"], seed: 31 });
  const base = () => sim().adminUrl;

  it("lists its routes and the companies with their users and settings", async () => {
    const index = await readJson(await admin(base(), ""));
    expect(index.endpoints).toContain("POST /__admin/keys");
    expect(index.gatewayUrl).toBe(sim().gatewayUrl());
    const { companies } = await readJson(await admin(base(), "/companies"));
    expect(companies.map((c: { domain: string }) => c.domain)).toEqual(["acme", "globex"]);
    expect(companies[0].users.map((u: { id: number }) => u.id)).toEqual([2001, 2002, 2003, 2004]);
  });

  it("creates keys (for a new restricted user or an existing user) and revokes them", async () => {
    const created = await admin(base(), "/keys?company=globex", "POST", { access: { hiddenGroups: ["compensation"] } });
    expect(created.status).toBe(201);
    const { key, userId, companyDomain } = await readJson(created);
    expect(key).toMatch(/^[0-9a-f]{40}$/);
    expect(companyDomain).toBe("globex");
    const body = await getJson(sim(), "/v1/employees/0?fields=firstName", { key, company: "globex" }).catch(
      (e: Error) => e.message,
    );
    expect(body).toMatch(/404/);
    const report = await call(sim(), "/v1/reports/custom?format=json", {
      key,
      company: "globex",
      method: "POST",
      contentType: "application/json",
      body: JSON.stringify({ fields: ["firstName", "payRate"] }),
    });
    expect((await readJson(report)).fields.map((f: { id: string }) => f.id)).toEqual(["firstName"]);
    expect(userId).toBeGreaterThan(2004);
    const forUser = await readJson(await admin(base(), "/keys", "POST", { userId: 2002 }));
    expect(forUser.userId).toBe(2002);
    expect((await admin(base(), `/keys/${forUser.key}`, "DELETE")).status).toBe(200);
    expect((await call(sim(), "/v1/meta/fields", { key: forUser.key })).status).toBe(401);
    expect((await admin(base(), `/keys/${forUser.key}`, "DELETE")).status).toBe(404);
  });

  it("creates, updates, terminates, rehires and deletes employees, and adds history rows", async () => {
    const created = await admin(base(), "/employees", "POST", {
      firstName: "Ada",
      lastName: "Lovelace",
      department: "Engineering",
    });
    expect(created.status).toBe(201);
    const { id } = await readJson(created);
    const updated = await readJson(await admin(base(), `/employees/${id}`, "POST", { workEmail: "ada@acme.example" }));
    expect(updated).toMatchObject({
      employeeId: Number(id),
      type: "updated",
      changedFields: expect.arrayContaining(["workEmail"]),
    });
    expect((await admin(base(), `/employees/${id}/job-info`, "POST", { jobTitle: "Staff Engineer" })).status).toBe(200);
    expect((await admin(base(), `/employees/${id}/compensation`, "POST", { rate: "120000", currency: "GBP" })).status).toBe(200);
    expect((await admin(base(), `/employees/${id}/terminate`, "POST", {})).status).toBe(200);
    expect(await getJson(sim(), `/v1/employees/${id}?fields=status,jobTitle,payRate`)).toEqual({
      id,
      status: "Inactive",
      jobTitle: "Staff Engineer",
      payRate: "120000.00 GBP",
    });
    expect((await admin(base(), `/employees/${id}/rehire`, "POST", { employmentStatus: "Contractor" })).status).toBe(200);
    expect((await getJson(sim(), `/v1/employees/${id}?fields=status`)).status).toBe("Active");
    expect((await admin(base(), `/employees/${id}`, "DELETE")).status).toBe(200);
    expect((await call(sim(), `/v1/employees/${id}`)).status).toBe(404);
  });

  it("refuses bad input with a reason and changes nothing", async () => {
    const hr = fixtureEmployee(sim(), FIXTURE.hrAdmin).id;
    const before = sim().truth();
    const cases: [string, string, unknown, number][] = [
      ["/employees", "POST", { firstName: "No last name" }, 400],
      [`/employees/${hr}`, "POST", { department: "Nowhere" }, 409],
      [`/employees/${hr}/job-info`, "POST", { reportsTo: Number(hr) }, 409],
      [`/employees/${hr}/compensation`, "POST", { rate: "lots" }, 409],
      [`/employees/${hr}/terminate`, "POST", { date: "soon" }, 400],
      ["/employees/99999999/terminate", "POST", {}, 404],
      ["/mutate", "POST", { explode: 1 }, 400],
      ["/settings?company=nope", "PUT", {}, 404],
      ["/behaviour", "PUT", { changedSince: "sometimes" }, 400],
      ["/nothing-here", "GET", undefined, 404],
    ];
    for (const [path, method, body, status] of cases) {
      const response = await admin(base(), path, method, body);
      expect(response.status, `${method} ${path}`).toBe(status);
      expect((await readJson(response)).ok).toBe(false);
    }
    expect(sim().truth()).toEqual(before);
  });

  it("mutates in batches, reports truth counts, sets behaviour and company settings, resets", async () => {
    const result = await readJson(await admin(base(), "/mutate?company=globex", "POST", { change: 2, add: 1, delete: 1 }));
    expect(result.added).toHaveLength(1);
    const { counts } = await readJson(await admin(base(), "/truth?company=globex"));
    expect(counts).toMatchObject({ companyDomain: "globex", employees: 50, deleted: 1 });
    const records = await readJson(await admin(base(), "/truth?company=globex&records=true"));
    expect(records.truth.employees.map((e: { id: string }) => e.id)).toContain(result.added[0]);
    expect(await readJson(await admin(base(), "/behaviour", "PUT", { throttle: 1 }))).toMatchObject({ ok: false });
    expect((await readJson(await admin(base(), "/behaviour", "PUT", { changedSince: "exclusive" }))).changedSince).toBe(
      "exclusive",
    );
    expect((await admin(base(), "/settings", "PUT", { directory: "disabled" })).status).toBe(200);
    expect((await call(sim(), "/v1/employees/directory")).status).toBe(403);
    expect((await admin(base(), "/reset", "POST")).status).toBe(200);
    expect((await call(sim(), "/v1/employees/directory")).status).toBe(200);
    expect(sim().behaviour().changedSince).toBe("inclusive");
    expect(sim().counts("globex")).toMatchObject({ employees: 50, deleted: 0 });
  });
});
