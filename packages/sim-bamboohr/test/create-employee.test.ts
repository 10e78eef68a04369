import { describe, expect, it } from "vitest";
import { FIXTURE } from "../src/index";
import { call, fixtureEmployee, getJson, useSim } from "./helpers";

const post = (body: string, contentType = "application/json") => ({ method: "POST", contentType, body });

describe("POST /v1/employees and /v1/employees/{id}", () => {
  const sim = useSim({ seed: 23 });

  it("creates an employee: 201, no body, a Location naming the new id; the employee then reads back", async () => {
    const before = sim().counts().employees;
    const response = await call(
      sim(),
      "/v1/employees",
      post(
        JSON.stringify({
          firstName: "Panda",
          lastName: "Bear",
          workEmail: "panda@acme.example",
          jobTitle: "Software Engineer",
          department: "Engineering",
          hireDate: "2026-10-01",
          customShirtSize: "L",
        }),
      ),
    );
    expect(response.status).toBe(201);
    expect(await response.text()).toBe("");
    const location = response.headers.get("location") as string;
    expect(location).toMatch(new RegExp(`^${sim().gatewayUrl()}/v1/employees/\\d+$`));
    const id = location.split("/").at(-1) as string;
    const created = await getJson(
      sim(),
      `/v1/employees/${id}?fields=firstName,lastName,workEmail,status,hireDate,department,customShirtSize,employeeNumber&onlyCurrent=false`,
    );
    expect(created).toMatchObject({
      id,
      firstName: "Panda",
      lastName: "Bear",
      status: "Active",
      hireDate: "2026-10-01",
      department: "Engineering",
      customShirtSize: "L",
    });
    expect(created.employeeNumber).toMatch(/^\d+$/);
    expect(sim().counts().employees).toBe(before + 1);
    expect(Number(id)).toBeGreaterThan(
      Math.max(
        ...sim()
          .truth()
          .employees.slice(0, -1)
          .map((e) => Number(e.id)),
      ),
    );
  });

  it("accepts the XML form of the body", async () => {
    const xml = '<employee><field id="firstName">Zoë</field><field id="lastName">Ødegård &amp; Co</field></employee>';
    const response = await call(sim(), "/v1/employees", post(xml, "text/xml"));
    expect(response.status).toBe(201);
    const id = response.headers.get("location")?.split("/").at(-1);
    expect(await getJson(sim(), `/v1/employees/${id}`)).toEqual({ id, firstName: "Zoë", lastName: "Ødegård & Co" });
  });

  it("refuses bad input with 400 or 409 and creates nothing", async () => {
    const before = sim().counts().employees;
    const cases: [string, string, number, RegExp][] = [
      [JSON.stringify({ firstName: "Only" }), "application/json", 400, /lastName/],
      [JSON.stringify({ firstName: "A", lastName: "B", favouriteColour: "red" }), "application/json", 400, /favouriteColour/],
      [JSON.stringify({ firstName: "A", lastName: "B", supervisorEId: "4" }), "application/json", 400, /read-only/],
      [JSON.stringify({ firstName: "A", lastName: "B", department: "Astrology" }), "application/json", 409, /Astrology/],
      [JSON.stringify({ firstName: "A", lastName: "B", hireDate: "01/10/2026" }), "application/json", 409, /hireDate/],
      [JSON.stringify(["not", "an", "object"]), "application/json", 400, /object/],
      ["{", "application/json", 400, /Malformed JSON/],
      ["<employee><field>", "text/xml", 400, /Malformed XML/],
    ];
    for (const [body, type, status, message] of cases) {
      const response = await call(sim(), "/v1/employees", post(body, type));
      expect(response.status, body).toBe(status);
      expect(response.headers.get("x-bamboohr-error-message")).toMatch(message);
    }
    expect(sim().counts().employees).toBe(before);
  });

  it("updates an employee with POST /v1/employees/{id}: 200, job fields become a new jobInfo row", async () => {
    const id = fixtureEmployee(sim(), FIXTURE.hrAdmin).id;
    const rowsBefore = (await getJson<unknown[]>(sim(), `/v1/employees/${id}/tables/jobInfo`)).length;
    const response = await call(
      sim(),
      `/v1/employees/${id}`,
      post(JSON.stringify({ preferredName: "Charly", department: "Finance" })),
    );
    expect(response.status).toBe(200);
    expect(await getJson(sim(), `/v1/employees/${id}?fields=preferredName,displayName,department`)).toEqual({
      id,
      preferredName: "Charly",
      displayName: "Charly Abbott",
      department: "Finance",
    });
    expect(await getJson<unknown[]>(sim(), `/v1/employees/${id}/tables/jobInfo`)).toHaveLength(rowsBefore + 1);
    const missing = await call(sim(), "/v1/employees/99999999", post(JSON.stringify({ firstName: "X" })));
    expect(missing.status).toBe(404);
    const refused = await call(sim(), `/v1/employees/${id}`, post(JSON.stringify({ lastName: "" })));
    expect(refused.status).toBe(400);
    expect((await getJson(sim(), `/v1/employees/${id}`)).lastName).toBe("Abbott");
  });
});
