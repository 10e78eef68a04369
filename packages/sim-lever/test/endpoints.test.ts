import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminRoutes } from "../src/admin/admin-routes";
import { API_ROUTES } from "../src/api/routes";
import { LEVER_ADMIN_ROUTES, LEVER_ENDPOINTS, type LeverEndpoint, type LeverSim, startLeverSim } from "../src/index";
import { api, readJson, waitFor } from "./helpers";
import { endpointsOfTable, normalizePath, sectionOf } from "./reference-endpoints";
import { findReference } from "./reference-file";

type Page = { data: Record<string, unknown>[]; hasNext: boolean; next?: string };
const ALL_SCOPES = [...new Set(LEVER_ENDPOINTS.map((e) => e.scope))];

/**
 * Walks every endpoint of the catalogue (src/endpoints.ts) the way a client written against the
 * real API would, and checks the catalogue against reference §3.
 */
describe("endpoint catalogue", () => {
  let sim: LeverSim;
  beforeAll(async () => {
    sim = await startLeverSim({ opportunities: 60, seed: 3, rateLimit: false });
  });
  afterAll(() => sim.close());

  const get = (path: string, key?: string) => api(sim, `/v1${path}`, key === undefined ? {} : { key });

  /** Ids a `{id}` may take, from the list the path names up to it (contacts come from opportunities). */
  async function candidateIds(prefix: string): Promise<string[]> {
    if (prefix === "/contacts") {
      const page: Page = await readJson(get("/opportunities?limit=100"));
      return page.data.map((o) => o.contact as string);
    }
    const page: Page = await readJson(get(`${prefix}?limit=100`));
    return page.data.map((record) => record.id as string).slice(0, 60);
  }

  /** Fills every `{id}` with the first ids under which the endpoint answers 200 (with records, for a list). */
  async function resolve(entry: LeverEndpoint): Promise<string> {
    const parts = entry.path.split("/{id}");
    const accepts = async (path: string) => {
      const response = await get(entry.kind === "list" ? `${path}?limit=1` : path);
      if (response.status !== 200) return false;
      if (entry.kind !== "list" || entry.empty) return true;
      return ((await response.json()) as Page).data.length > 0;
    };
    const fill = async (built: string, index: number): Promise<string | null> => {
      const withPart = built + (parts[index] ?? "");
      if (index === parts.length - 1) return (await accepts(withPart)) ? withPart : null;
      for (const id of await candidateIds(withPart)) {
        const found = await fill(`${withPart}/${encodeURIComponent(id)}`, index + 1);
        if (found) return found;
      }
      return null;
    };
    const path = await fill("", 0);
    if (path === null) throw new Error(`no ids under which ${entry.path} answers with data`);
    return path;
  }

  async function walk(path: string, limit: number): Promise<{ records: Record<string, unknown>[]; pages: number }> {
    const records: Record<string, unknown>[] = [];
    let offset: string | undefined;
    let pages = 0;
    const sep = path.includes("?") ? "&" : "?";
    for (;;) {
      const response = await get(`${path}${sep}limit=${limit}${offset ? `&offset=${encodeURIComponent(offset)}` : ""}`);
      expect(response.status, path).toBe(200);
      const page = (await response.json()) as Page;
      expect(Object.keys(page).sort(), "list envelope").toEqual(page.hasNext ? ["data", "hasNext", "next"] : ["data", "hasNext"]);
      records.push(...page.data);
      pages++;
      if (!page.hasNext) return { records, pages };
      offset = page.next;
      if (pages > 500) throw new Error(`${path}: hasNext never ends`);
    }
  }

  async function expectScope(entry: LeverEndpoint, path: string): Promise<void> {
    const send = (key: string) => api(sim, `/v1${path}`, { key, method: entry.method });
    const scopeless = await send(sim.createApiKey({ scopes: [] }));
    expect(scopeless.status, "a key without permissions").toBe(403);
    expect(await scopeless.json()).toMatchObject({ code: "Forbidden" });
    const allBut = sim.createApiKey({ scopes: ALL_SCOPES.filter((scope) => scope !== entry.scope) });
    expect((await send(allBut)).status, `every permission but ${entry.scope}`).toBe(403);
  }

  for (const entry of LEVER_ENDPOINTS.filter((e) => e.kind !== "write")) {
    it(`${entry.method} ${entry.path} (${entry.kind})`, async () => {
      const path = await resolve(entry);
      if (entry.kind === "list") {
        // Tried: the list at limit=100, then in about eight pages following `next`.
        // Must hold: {data, hasNext, next} pages, the same records in the same order, seeded data.
        const whole = await walk(path, 100);
        if (entry.empty) expect(whole.records, entry.empty).toEqual([]);
        else expect(whole.records.length, "seeded records").toBeGreaterThan(0);
        const limit = Math.max(1, Math.ceil(whole.records.length / 8));
        const paged = await walk(path, limit);
        expect(paged.records).toEqual(whole.records);
        expect(paged.pages).toBe(Math.max(1, Math.ceil(whole.records.length / limit)));
        const keys = paged.records.map((r) => r.id ?? r.text);
        expect(new Set(keys).size, "no record twice").toBe(keys.length);
      } else if (entry.kind === "detail") {
        const response = await get(path);
        expect(response.status).toBe(200);
        const body = (await response.json()) as { data: { id: string } };
        expect(Object.keys(body)).toEqual(["data"]);
        expect(body.data.id).toBe(decodeURIComponent(path.split("/").at(-1) ?? ""));
      } else {
        const response = await get(path);
        expect(response.status).toBe(200);
        expect(response.headers.get("content-type")).not.toContain("json");
        expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename=/);
        expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
      }
      await expectScope(entry, path);
    });
  }

  const send = (method: string, path: string, body?: unknown, key?: string) =>
    api(sim, `/v1${path}`, {
      method,
      ...(key === undefined ? {} : { key }),
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "Content-Type": "application/json" } }),
    });

  /** How each write is tried; a write in the catalogue without a case here fails the test below. */
  const writeCases: Record<string, (entry: LeverEndpoint) => Promise<void>> = {
    "PUT /opportunities/{id}/stage": async (entry) => {
      const id = sim.opportunityIdsInStage("applicant-new")[0] as string;
      const path = `/opportunities/${id}/stage`;
      expect((await send("PUT", path, { stage: "lead-new" })).status).toBe(200);
      await waitFor(() => sim.truth().opportunities.find((o) => o.id === id)?.stage === "lead-new");
      expect((await send("PUT", path, {})).status, "no stage").toBe(400);
      await expectScope(entry, path);
    },
    "PUT /opportunities/{id}/archived": async (entry) => {
      const id = sim.opportunityIdsInStage("lead-new")[0] as string;
      const reason = sim.truth().archiveReasons.find((r) => r.type === "non-hired")?.id as string;
      const path = `/opportunities/${id}/archived`;
      expect((await send("PUT", path, { reason })).status).toBe(200);
      await waitFor(() => sim.truth().opportunities.find((o) => o.id === id)?.archived?.reason === reason);
      expect((await send("PUT", path, { reason: 7 })).status, "a number for a reason").toBe(400);
      await expectScope(entry, path);
    },
    "POST /webhooks": async (entry) => {
      const created = await send("POST", "/webhooks", { url: "http://127.0.0.1:9/hooks", event: "candidateHired" });
      expect(created.status).toBe(201);
      const { data } = (await created.json()) as { data: { data: { id: string } } };
      expect(data.data).toMatchObject({ event: "candidateHired", configuration: { signatureToken: expect.any(String) } });
      const listed: Page = await readJson(get("/webhooks"));
      expect(listed.data.map((w) => w.id)).toContain(data.data.id);
      expect((await send("POST", "/webhooks", { url: "not a url", event: "candidateHired" })).status).toBe(400);
      await expectScope(entry, "/webhooks");
    },
    "PUT /webhooks": async (entry) => {
      const { data } = await readJson(send("POST", "/webhooks", { url: "http://127.0.0.1:9/a", event: "candidateStageChange" }));
      const updated = await send("PUT", "/webhooks", { data: [{ id: data.data.id, url: "http://127.0.0.1:9/b" }] });
      expect(updated.status).toBe(200);
      expect(((await updated.json()) as { data: unknown[] }).data[0]).toMatchObject({
        id: data.data.id,
        url: "http://127.0.0.1:9/b",
      });
      expect((await send("PUT", "/webhooks", { data: [{ id: "nope", url: "http://127.0.0.1:9/b" }] })).status).toBe(404);
      await expectScope(entry, "/webhooks");
    },
    "DELETE /webhooks/{id}": async (entry) => {
      const { data } = await readJson(send("POST", "/webhooks", { url: "http://127.0.0.1:9/c", event: "candidateHired" }));
      expect((await send("DELETE", `/webhooks/${data.data.id}`)).status).toBe(204);
      const listed: Page = await readJson(get("/webhooks"));
      expect(listed.data.map((w) => w.id)).not.toContain(data.data.id);
      expect((await send("DELETE", `/webhooks/${data.data.id}`)).status, "already gone").toBe(404);
      await expectScope(entry, `/webhooks/${data.data.id}`);
    },
  };

  for (const entry of LEVER_ENDPOINTS.filter((e) => e.kind === "write")) {
    it(`${entry.method} ${entry.path} (write)`, async () => {
      const run = writeCases[`${entry.method} ${entry.path}`];
      expect(run, "a write case for this endpoint").toBeDefined();
      await run?.(entry);
    });
  }

  it("GET /opportunities/deleted lists candidates deleted while running, and filters on deleted_at", async () => {
    // Tried: delete two candidates, then list with and without a deleted_at_start after the deletion.
    // Must hold: both listed with their deletion time; none after it; a malformed timestamp is a 400.
    const before = Date.now();
    const { removed } = sim.mutate({ remove: 2 });
    const page: Page = await readJson(get("/opportunities/deleted"));
    expect(page.data.map((d) => d.id)).toEqual(removed);
    for (const d of page.data) expect(d.deletedAt).toBeGreaterThanOrEqual(before);
    const later: Page = await readJson(get(`/opportunities/deleted?deleted_at_start=${Date.now() + 1000}`));
    expect(later.data).toEqual([]);
    expect((await get("/opportunities/deleted?deleted_at_start=yesterday")).status).toBe(400);
  });

  it("lists every route the simulator serves, and every admin route in the index --help prints", () => {
    const catalogued = new Set(LEVER_ENDPOINTS.map((e) => `${e.method} ${e.path}`));
    const served = API_ROUTES.map((r) => `${r.method} ${normalizePath(r.path.replace(/^\/v1/, ""))}`);
    expect(served.filter((route) => !catalogued.has(route))).toEqual([]);
    const indexed = LEVER_ADMIN_ROUTES.flatMap(({ route }) => {
      const [methods = "", path = ""] = route.split(" ");
      return methods.split("|").map((method) => `${method} ${path}`);
    });
    expect(adminRoutes.map((r) => `${r.method} ${r.path}`).sort()).toEqual(indexed.sort());
  });

  const reference = findReference("lever-api.md");
  const skipReason = "missing" in reference ? `skipped: ${reference.missing}` : "";
  it.skipIf("missing" in reference)(`covers every endpoint reference §3 lists ${skipReason}`.trim(), () => {
    if ("missing" in reference) return;
    const listed = endpointsOfTable(sectionOf(reference.text, /^## 3\. Endpoints/));
    // A parser that stopped finding rows would make this check pass on nothing.
    expect(listed.length).toBeGreaterThanOrEqual(30);
    const uncovered = listed.filter(
      ({ methods, path }) =>
        !LEVER_ENDPOINTS.some((e) => e.source === "reference" && e.path === path && methods.includes(e.method)),
    );
    expect(uncovered, `in ${reference.file}`).toEqual([]);
  });
});
