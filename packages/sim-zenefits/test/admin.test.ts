import { describe, expect, it } from "vitest";
import { ZENEFITS_ADMIN_ROUTES } from "../src/admin/admin-index";
import { getJson, postJson, useSim } from "./helpers";

const admin = async (method: string, url: string, body?: unknown) => {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe("admin HTTP surface (/__admin)", () => {
  const sim = useSim({ people: 40, seed: 2 });

  it("answers every route its index (and roster simulate --help) lists", async () => {
    // Tried: each listed method and path, placeholders filled with a made-up token, empty bodies.
    // Must hold: none is "No admin route" (a route the index lists but the router lost).
    for (const { route } of ZENEFITS_ADMIN_ROUTES) {
      const [methods = "", path = ""] = route.split(" ");
      const url = `${sim().url}${path.replace("{token}", "unknown-token").split("?")[0]}`;
      for (const method of methods.split("|")) {
        const response = await admin(method, url, method === "GET" || method === "DELETE" ? undefined : {});
        expect(String(response.body.error ?? ""), `${method} ${path}`).not.toMatch(/^No admin route/);
      }
    }
  });

  it("creates a token with chosen scopes and revokes it", async () => {
    const created = await admin("POST", `${sim().adminUrl}/tokens`, { scopes: ["people", "people.status"] });
    expect(created.status).toBe(201);
    const token = created.body.token as string;
    const me = await getJson<{ scopes: string[] }>(`${sim().url}/core/me`, token);
    expect(me.body.data.scopes).toEqual(["people", "people.status"]);
    expect((await admin("DELETE", `${sim().adminUrl}/tokens/${token}`)).status).toBe(200);
    expect((await getJson(`${sim().url}/core/me`, token)).status).toBe(401);
    expect((await admin("POST", `${sim().adminUrl}/tokens`, { scopes: ["nope"] })).status).toBe(400);
  });

  it("sets, reads and clears faults; rejects unknown fault names", async () => {
    const set = await admin("POST", `${sim().adminUrl}/faults`, { latencyMs: 5, error500Rate: 0.1 });
    expect(set.body).toMatchObject({ latencyMs: 5, error500Rate: 0.1 });
    expect((await admin("GET", `${sim().adminUrl}/faults`)).body).toMatchObject({ latencyMs: 5 });
    expect((await admin("POST", `${sim().adminUrl}/faults`, { explode: true })).status).toBe(400);
    expect((await admin("DELETE", `${sim().adminUrl}/faults`)).body).toMatchObject({ latencyMs: 0, error500Rate: 0 });
  });

  it("counts requests per path and per status", async () => {
    await admin("DELETE", `${sim().adminUrl}/requests`);
    const person = sim().truth().people[0]?.id;
    await getJson(`${sim().url}/core/people`, sim().defaultToken);
    await getJson(`${sim().url}/core/people/`, sim().defaultToken);
    await getJson(`${sim().url}/core/people/${person}`, sim().defaultToken);
    await getJson(`${sim().url}/core/people`, "bad-token");
    const log = (await admin("GET", `${sim().adminUrl}/requests`)).body;
    expect(log.total).toBe(4);
    expect(log.byPath).toEqual({ "/core/people": 3, "/core/people/{id}": 1 });
    expect(log.byStatus).toEqual({ "200": 3, "401": 1 });
    expect(sim().requestLog().total).toBe(4);
  });

  it("truth gives counts (and full records for small seeds); reset restores the seeded data", async () => {
    const before = await admin("GET", `${sim().adminUrl}/truth?records=true`);
    expect((before.body.counts as { people: number }).people).toBe(40);
    expect((before.body.records as { people: unknown[] }).people).toHaveLength(40);
    await admin("POST", `${sim().adminUrl}/mutate`, { delete: 5, add: 1 });
    expect(sim().counts().people).toBe(36);
    await postJson(
      `${sim().url}/ats/v1/companies/${sim().companyId}/candidates`,
      { first_name: "A", last_name: "B", email: "a@b.example" },
      sim().clientSecret(),
    );
    expect(sim().atsCandidates()).toHaveLength(1);
    expect((await admin("POST", `${sim().adminUrl}/reset`)).status).toBe(200);
    const after = await admin("GET", `${sim().adminUrl}/truth?records=true`);
    expect(after.body.records).toEqual(before.body.records);
    expect(sim().atsCandidates()).toHaveLength(0);
    expect((await getJson(`${sim().url}/core/me`, sim().defaultToken)).status).toBe(200);
  });

  it("lists companies with their ATS client secret", async () => {
    const { body } = await admin("GET", `${sim().adminUrl}/companies`);
    expect(body.data).toEqual([{ id: sim().companyId, name: "Acme Robotics", clientSecret: sim().clientSecret(), people: 40 }]);
  });
});
