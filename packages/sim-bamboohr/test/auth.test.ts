import { describe, expect, it } from "vitest";
import { basic, call, useSim } from "./helpers";

describe("authentication: the API key is the Basic username", () => {
  const sim = useSim({ companies: ["acme", "globex"] });

  it("answers 401 with an error header and no body when the key is missing", async () => {
    const response = await call(sim(), "/v1/employees/directory", { key: null });
    expect(response.status).toBe(401);
    expect(response.headers.get("x-bamboohr-error-message")).toMatch(/missing/i);
    expect(response.headers.get("www-authenticate")).toMatch(/^Basic/);
    expect(await response.text()).toBe("");
  });

  it("answers 401 for a wrong key, a revoked key and a key of another company", async () => {
    expect((await call(sim(), "/v1/meta/fields", { key: "0".repeat(40) })).status).toBe(401);
    const { key } = sim().createApiKey();
    expect((await call(sim(), "/v1/meta/fields", { key })).status).toBe(200);
    sim().revokeApiKey(key);
    const revoked = await call(sim(), "/v1/meta/fields", { key });
    expect(revoked.status).toBe(401);
    expect(revoked.headers.get("x-bamboohr-error-message")).toMatch(/revoked/i);
    const globexKey = sim().createApiKey({ companyDomain: "globex" }).key;
    expect((await call(sim(), "/v1/meta/fields", { key: globexKey })).status).toBe(401);
    expect((await call(sim(), "/v1/meta/fields", { key: globexKey, company: "globex" })).status).toBe(200);
  });

  it("ignores the password, as BambooHR does", async () => {
    for (const password of ["x", "", "anything at all"]) {
      const response = await fetch(`${sim().gatewayUrl()}/v1/meta/fields`, {
        headers: { authorization: basic(sim().apiKey, password) },
      });
      expect(response.status).toBe(200);
      await response.arrayBuffer();
    }
  });

  it("refuses the keys of a disabled user, and accepts them again once enabled", async () => {
    const { key, userId } = sim().createApiKey();
    sim().setUserStatus(userId, "disabled");
    expect((await call(sim(), "/v1/meta/fields", { key })).status).toBe(401);
    sim().setUserStatus(userId, "enabled");
    expect((await call(sim(), "/v1/meta/fields", { key })).status).toBe(200);
  });

  it("answers 404 for an unknown company and for paths outside the gateway", async () => {
    const unknown = await fetch(`${sim().url}/api/gateway.php/nope/v1/meta/fields`, {
      headers: { authorization: basic(sim().apiKey) },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("x-bamboohr-error-message")).toMatch(/nope/);
    expect((await fetch(`${sim().url}/api/v1/employees`)).status).toBe(404);
    expect((await call(sim(), "/v1/no/such/endpoint")).status).toBe(404);
    expect((await call(sim(), "/v1/meta/fields", { method: "DELETE" })).status).toBe(405);
  });

  it("gives every answer, errors included, its own x-request-id", async () => {
    const ids = new Set<string>();
    for (const key of [null, sim().apiKey]) {
      const response = await call(sim(), "/v1/meta/fields", { key });
      const id = response.headers.get("x-request-id");
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      ids.add(id as string);
      await response.arrayBuffer();
    }
    expect(ids.size).toBe(2);
  });
});
