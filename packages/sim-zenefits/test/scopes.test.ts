import { describe, expect, it } from "vitest";
import { ZENEFITS_PERMISSIONS } from "../src/index";
import { getJson, type ListData, useSim } from "./helpers";

type PersonRow = Record<string, unknown> & { id: string; manager: { url: string | null } };

describe("refs, scopes and tokens", () => {
  const sim = useSim({ people: 120, seed: 3 });

  it("unset to-one links are ref stubs with url null (person without manager / department / location)", async () => {
    const { url, defaultToken } = sim();
    const people = sim().truth().people;
    const root = people[0];
    expect(root?.manager).toEqual({ url: null, object: "/meta/ref/detail", ref_object: "/core/people" });
    const noDepartment = people.find((p) => p.department.url === null && p.type === "regular");
    expect(noDepartment).toBeDefined();
    const served = await getJson<PersonRow>(`${url}/core/people/${noDepartment?.id}`, defaultToken);
    expect(served.body.data.department).toEqual({ url: null, object: "/meta/ref/detail", ref_object: "/core/departments" });
    expect(served.body.data.subordinates).toEqual({
      url: `${url}/core/people/${noDepartment?.id}/subordinates`,
      object: "/meta/ref/list",
      ref_object: "/core/people",
    });
  });

  it("exports the twelve product permissions with their labels", () => {
    expect(ZENEFITS_PERMISSIONS).toHaveLength(12);
    expect(ZENEFITS_PERMISSIONS).toContainEqual({ scope: "people.manager", label: "Manager" });
    expect(ZENEFITS_PERMISSIONS).toContainEqual({ scope: "custom_field_values", label: "Custom field values" });
  });

  it("/core/me lists exactly the granted scopes and points at the company", async () => {
    const { url, companyId } = sim();
    const token = sim().createToken({ scopes: ["people", "people.work_email", "departments"] });
    const me = await getJson<{ scopes: string[]; company: { url: string } }>(`${url}/core/me`, token);
    expect(me.status).toBe(200);
    expect(me.body.data.scopes).toEqual(["departments", "people", "people.work_email"]);
    expect(me.body.data.company.url).toBe(`${url}/core/companies/${companyId}`);
  });

  it("an endpoint whose scope is missing answers 403 with the error envelope", async () => {
    const { url } = sim();
    const token = sim().createToken({ scopes: ["people"] });
    for (const path of ["/core/departments", "/core/locations", "/core/custom_fields", "/core/employments"]) {
      const response = await getJson(`${url}${path}`, token);
      expect(response.status, path).toBe(403);
      expect(response.body).toMatchObject({ data: null, object: "/meta/response", status: 403 });
      expect(response.body.error).toContain("Missing scope");
    }
    const root = sim().truth().people[0]?.id;
    // The relation itself would reveal the manager field, so it needs people.manager too.
    expect((await getJson(`${url}/core/people/${root}/subordinates`, token)).status).toBe(403);
    expect((await getJson(`${url}/core/people`, token)).status).toBe(200);
  });

  it("a person field whose sub-scope is missing is null (refs keep their shape with url null)", async () => {
    const { url } = sim();
    const token = sim().createToken({ scopes: ["people"] });
    const truth = sim().truth().people;
    const { body } = await getJson<ListData<PersonRow>>(`${url}/core/people?limit=100`, token);
    for (const person of body.data.data) {
      expect(person.work_email).toBeNull();
      expect(person.personal_email).toBeNull();
      expect(person.work_phone).toBeNull();
      expect(person.status).toBeNull();
      expect(person.manager).toEqual({ url: null, object: "/meta/ref/detail", ref_object: "/core/people" });
      expect(person.department).toEqual({ url: null, object: "/meta/ref/detail", ref_object: "/core/departments" });
      expect(person.location).toEqual({ url: null, object: "/meta/ref/detail", ref_object: "/core/locations" });
    }
    const sample = body.data.data[0];
    expect(sample?.first_name).toBe(truth[0]?.first_name);
    const full = await getJson<PersonRow>(`${url}/core/people/${truth[2]?.id}`, sim().createToken({}));
    expect(full.body.data).toEqual(truth[2]);
  });

  it("a revoked token and an unknown token get the 401 envelope", async () => {
    const { url } = sim();
    const token = sim().createToken({});
    expect((await getJson(`${url}/core/me`, token)).status).toBe(200);
    sim().revokeToken(token);
    const revoked = await getJson(`${url}/core/people`, token);
    expect(revoked.status).toBe(401);
    expect(revoked.body).toMatchObject({ data: null, object: "/meta/response", status: 401 });
    expect(typeof revoked.body.error).toBe("string");
    const unknown = await getJson(`${url}/core/people`, "not-a-token");
    expect(unknown.status).toBe(401);
    expect((await getJson(`${url}/core/people`)).status).toBe(401);
  });

  it("includes expands a to-one ref into the full object (one level)", async () => {
    const { url, defaultToken } = sim();
    const truth = sim().truth();
    const person = truth.people.find((p) => p.manager.url !== null && p.department.url !== null);
    const { body } = await getJson<Record<string, Record<string, unknown>>>(
      `${url}/core/people/${person?.id}?includes=manager%20department`,
      defaultToken,
    );
    expect(body.data.manager?.object).toBe("/core/people");
    expect(body.data.manager?.url).toBe(person?.manager.url);
    expect(body.data.department?.object).toBe("/core/departments");
    expect(body.data.location).toEqual(person?.location);
  });
});

describe("multiple companies", () => {
  const sim = useSim({ people: 20, companies: 2, seed: 5 });

  it("each token sees only its own company's records", async () => {
    const { url, companyIds } = sim();
    const second = companyIds[1] as string;
    const token = sim().createToken({ companyId: second });
    const { body } = await getJson<ListData<{ id: string }>>(`${url}/core/people?limit=100`, token);
    expect(body.data.data.map((p) => p.id)).toEqual(
      sim()
        .truth(second)
        .people.map((p) => p.id),
    );
    const companies = await getJson<ListData<{ id: string }>>(`${url}/core/companies`, token);
    expect(companies.body.data.data.map((c) => c.id)).toEqual([second]);
    expect((await getJson(`${url}/core/companies/${companyIds[0]}`, token)).status).toBe(404);
  });
});
