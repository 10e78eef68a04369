import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LeverSim, startLeverSim } from "../src/index";
import { api, readJson } from "./helpers";

describe("authentication and permissions", () => {
  let sim: LeverSim;
  beforeAll(async () => {
    sim = await startLeverSim({ rateLimit: false });
  });
  afterAll(() => sim.close());

  it("answers 401 {code,message} without credentials and with an unknown key", async () => {
    const none = await api(sim, "/v1/opportunities", { key: null });
    expect(none.status).toBe(401);
    expect(await readJson(none)).toMatchObject({ code: "Unauthorized", message: expect.any(String) });
    expect((await api(sim, "/v1/opportunities", { key: "not-a-key" })).status).toBe(401);
  });

  it("accepts Basic auth with the key as username and an empty password, and Bearer", async () => {
    expect((await api(sim, "/v1/stages")).status).toBe(200);
    const bearer = await fetch(`${sim.url}/v1/stages`, { headers: { Authorization: `Bearer ${sim.apiKey}` } });
    expect(bearer.status).toBe(200);
  });

  it("rejects a key with 401 once it is revoked", async () => {
    const key = sim.createApiKey();
    expect((await api(sim, "/v1/users", { key })).status).toBe(200);
    sim.revokeApiKey(key);
    expect((await api(sim, "/v1/users", { key })).status).toBe(401);
  });

  it("answers 403 when the key lacks the endpoint's permission", async () => {
    const key = sim.createApiKey({ scopes: ["opportunities:read:admin"] });
    expect((await api(sim, "/v1/opportunities?limit=1", { key })).status).toBe(200);
    const offers = await api(sim, `/v1/opportunities/${sim.truth().opportunities[0]?.id}/offers`, { key });
    expect(offers.status).toBe(403);
    expect(await readJson(offers)).toMatchObject({ code: "Forbidden" });
  });

  it("hides confidential opportunities from a key without confidential access", async () => {
    const confidential = sim.truth().opportunities.filter((o) => o.confidentiality === "confidential");
    expect(confidential.length).toBeGreaterThan(0);
    const key = sim.createApiKey({ confidential: false });
    const id = confidential[0]?.id;
    expect((await api(sim, `/v1/opportunities/${id}`, { key })).status).toBe(404);
    expect((await api(sim, `/v1/opportunities/${id}`)).status).toBe(200);
  });

  it("answers 404 ResourceNotFound for unknown routes and objects", async () => {
    const res = await api(sim, "/v1/opportunities/00000000-0000-4000-8000-000000000000");
    expect(res.status).toBe(404);
    expect(await readJson(res)).toMatchObject({ code: "ResourceNotFound" });
    expect((await api(sim, "/v1/nothing-here")).status).toBe(404);
  });
});
