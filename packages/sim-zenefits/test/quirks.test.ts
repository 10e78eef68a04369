import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_QUIRKS } from "../src/index";
import { fetchAll, getJson, useSim } from "./helpers";

describe("quirks: readings of what the reference leaves open", () => {
  const sim = useSim({ people: 40, seed: 6 });
  afterEach(() => sim().setQuirks(DEFAULT_QUIRKS));

  it("the singular /core/person/{id}/custom_field_values answers only when singularPersonPath is on", async () => {
    // Tried: the conflicting singular path (§5) with the quirk off, then on, set over the admin API.
    // Must hold: 404 by default; with the quirk, the same records as the plural path.
    const { url, adminUrl, defaultToken } = sim();
    const root = sim().truth().people[0]?.id as string;
    expect((await getJson(`${url}/core/person/${root}/custom_field_values`, defaultToken)).status).toBe(404);
    const put = await fetch(`${adminUrl}/quirks`, { method: "PUT", body: JSON.stringify({ singularPersonPath: true }) });
    expect(await put.json()).toEqual({ ...DEFAULT_QUIRKS, singularPersonPath: true });
    const singular = await fetchAll(`${url}/core/person/${root}/custom_field_values`, defaultToken);
    const plural = await fetchAll(`${url}/core/people/${root}/custom_field_values`, defaultToken);
    expect(singular.records.length).toBeGreaterThan(0);
    expect(singular.records).toEqual(plural.records);
  });

  it('hiddenFields "omit" leaves out the fields a token has no sub-scope for, instead of null', async () => {
    // Tried: a people-only token, with the default and with "omit". Must hold: null keys, then no keys;
    // fields outside any sub-scope (first_name) stay either way.
    const { url } = sim();
    const token = sim().createToken({ scopes: ["people"] });
    const person = sim().truth().people[0]?.id as string;
    const asNull = await getJson<Record<string, unknown>>(`${url}/core/people/${person}`, token);
    expect(asNull.body.data.work_email).toBeNull();
    expect(asNull.body.data.manager).toMatchObject({ url: null });
    sim().setQuirks({ hiddenFields: "omit" });
    const omitted = await getJson<Record<string, unknown>>(`${url}/core/people/${person}`, token);
    for (const field of ["status", "work_email", "personal_email", "work_phone", "department", "location", "manager"]) {
      expect(field in omitted.body.data, field).toBe(false);
    }
    expect(omitted.body.data.first_name).toBe(asNull.body.data.first_name);
    const full = await getJson<Record<string, unknown>>(`${url}/core/people/${person}`, sim().defaultToken);
    expect(full.body.data).toEqual(sim().truth().people[0]);
  });

  it("the admin API rejects an unknown quirk or value with 400 and changes nothing", async () => {
    const { adminUrl } = sim();
    for (const body of [{ hiddenFields: "drop" }, { nextUrl: "always" }]) {
      const response = await fetch(`${adminUrl}/quirks`, { method: "PUT", body: JSON.stringify(body) });
      expect(response.status).toBe(400);
    }
    expect(await (await fetch(`${adminUrl}/quirks`)).json()).toEqual(DEFAULT_QUIRKS);
  });
});
