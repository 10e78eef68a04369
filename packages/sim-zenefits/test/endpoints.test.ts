import { describe, expect, it } from "vitest";
import { COLLECTIONS } from "../src/api/collections";
import { type EndpointEntry, ZENEFITS_ENDPOINTS } from "../src/endpoints";
import { ALL_SCOPES } from "../src/index";
import { type Envelope, getJson, type ListData, postJson, useSim } from "./helpers";
import { endpointsOfTable, sectionOf } from "./reference-endpoints";
import { findReference } from "./reference-file";

type Row = Record<string, unknown> & { id: string; object: string; url: string };

/**
 * Walks every endpoint of the catalogue (src/endpoints.ts) against a running simulator, the way a
 * client written against the real API would, and checks the catalogue against reference §5.
 */
describe("endpoint catalogue", () => {
  const sim = useSim({ people: 60, seed: 4 });
  const sampleIds = new Map<string, string>();

  /** The id a `{id}` path is tried with: the first record of the parent list whose sub-list has records. */
  async function resolvePath(entry: EndpointEntry): Promise<string> {
    const at = entry.path.indexOf("/{id}");
    if (at < 0) return entry.path;
    const parent = entry.path.slice(0, at);
    const rest = entry.path.slice(at + "/{id}".length);
    const key = `${parent}|${entry.kind === "list" && !entry.empty ? rest : ""}`;
    let id = sampleIds.get(key);
    if (id === undefined) {
      const { url, defaultToken } = sim();
      const { body } = await getJson<ListData<Row>>(`${url}${parent}?limit=100`, defaultToken);
      for (const record of body.data.data) {
        if (key.endsWith("|")) {
          id = record.id;
          break;
        }
        const sub = await getJson<ListData<Row>>(`${url}${parent}/${record.id}${rest}?limit=1`, defaultToken);
        if (sub.body.data.data.length > 0) {
          id = record.id;
          break;
        }
      }
      if (id === undefined) throw new Error(`no record of ${parent} has anything under ${rest}`);
      sampleIds.set(key, id);
    }
    return `${parent}/${id}${rest}`;
  }

  /** Follows next_url from `first` to the end, checking every page's envelope. */
  async function walk(first: string, token: string): Promise<{ records: Row[]; pages: number }> {
    const records: Row[] = [];
    let next: string | null = first;
    let pages = 0;
    while (next !== null) {
      const page: { status: number; body: Envelope<ListData<Row>> } = await getJson<ListData<Row>>(next, token);
      expect(page.status, next).toBe(200);
      expect(page.body).toMatchObject({ error: null, object: "/meta/response", status: 200 });
      expect(page.body.data).toMatchObject({ object: "/meta/list", url: first.split("?")[0] });
      records.push(...page.body.data.data);
      next = page.body.data.next_url;
      pages++;
      if (pages > 1000) throw new Error(`${first}: next_url never ends`);
    }
    return { records, pages };
  }

  /** A record of the API: numeric id, its own collection's `object`, a url to itself, refs on this host. */
  function expectRecord(record: Row, where: string): void {
    const { url } = sim();
    expect(record.id, where).toMatch(/^\d+$/);
    expect(COLLECTIONS[record.object], `${where}: object ${record.object} is a served collection`).toBeDefined();
    expect(record.url, where).toBe(`${url}${record.object}/${record.id}`);
    for (const [field, value] of Object.entries(record)) {
      const ref = value as { object?: string; url?: string | null; ref_object?: string };
      if (ref?.object !== "/meta/ref/detail" && ref?.object !== "/meta/ref/list") continue;
      expect(COLLECTIONS[ref.ref_object ?? ""], `${where}.${field}: ref_object ${ref.ref_object}`).toBeDefined();
      if (ref.object === "/meta/ref/detail" && ref.url !== null) {
        expect(ref.url, `${where}.${field}`).toMatch(new RegExp(`^${url}${ref.ref_object}/\\d+$`));
      }
    }
  }

  async function expectScopesApply(entry: EndpointEntry, path: string): Promise<void> {
    const { url } = sim();
    const send = (token: string) =>
      entry.method === "GET" ? getJson(`${url}${path}`, token) : json(postJson(`${url}${path}`, entry.body, token));
    if (entry.scopes.length === 0) {
      expect((await send(sim().createToken({ scopes: [] }))).status, "a scope-less token may read it").toBe(200);
      return;
    }
    const scopeless = await send(sim().createToken({ scopes: [] }));
    expect(scopeless.status, "scope-less token").toBe(403);
    expect(scopeless.body).toMatchObject({ data: null, object: "/meta/response", status: 403 });
    for (const scope of entry.scopes) {
      const without = await send(sim().createToken({ scopes: ALL_SCOPES.filter((s) => s !== scope) }));
      expect(without.status, `every scope but ${scope}`).toBe(403);
      expect(without.body.error, `every scope but ${scope}`).toContain(scope);
    }
  }

  for (const entry of ZENEFITS_ENDPOINTS) {
    it(`${entry.method} ${entry.path} (${entry.kind})`, async () => {
      const { url, defaultToken } = sim();
      const path = await resolvePath(entry);
      if (entry.kind === "list") {
        // Tried: the whole list at limit=100, then again in about eight pages following next_url.
        // Must hold: envelopes on every page, the same records in ascending id order, well-formed records.
        const whole = await walk(`${url}${path}?limit=100`, defaultToken);
        if (entry.empty) expect(whole.records, entry.empty).toEqual([]);
        else expect(whole.records.length, "seeded records").toBeGreaterThan(0);
        const limit = Math.max(1, Math.ceil(whole.records.length / 8));
        const paged = await walk(`${url}${path}?limit=${limit}`, defaultToken);
        expect(paged.records).toEqual(whole.records);
        expect(paged.pages).toBe(Math.max(1, Math.ceil(whole.records.length / limit)));
        const ids = paged.records.map((r) => BigInt(r.id));
        expect(
          ids.every((id, i) => i === 0 || id > (ids[i - 1] as bigint)),
          "ascending ids",
        ).toBe(true);
        for (const record of paged.records) expectRecord(record, `${path} #${record.id}`);
        expect((await getJson(`${url}${path}/`, defaultToken)).status, "trailing slash").toBe(200);
      } else if (entry.kind === "detail") {
        // Tried: one object. Must hold: the single envelope, data being the object itself.
        const { status, body } = await getJson<Row>(`${url}${path}`, defaultToken);
        expect(status).toBe(200);
        expect(body).toMatchObject({ error: null, object: "/meta/response", status: 200 });
        if (path === "/core/me") expect(body.data.object).toBe("/core/me");
        else {
          expect(body.data.url).toBe(`${url}${path}`);
          expectRecord(body.data, path);
        }
        expect((await getJson(`${url}${path}/`, defaultToken)).status, "trailing slash").toBe(200);
      } else {
        await expectWrite(entry, path);
      }
      await expectScopesApply(entry, path);
    });
  }

  /** A platform write: 201 with the changed object, visible on a later read; 400 for a bad body; GET is not allowed. */
  async function expectWrite(entry: EndpointEntry, path: string): Promise<void> {
    const { url, defaultToken } = sim();
    const { status, body } = await json<Row>(postJson(`${url}${path}/`, entry.body, defaultToken));
    expect(status).toBe(201);
    expect(body).toMatchObject({ error: null, object: "/meta/response", status: 201 });
    expectRecord(body.data, path);
    const sent = entry.body as { status?: string; fields?: Record<string, unknown> };
    if (sent.status) expect(body.data.status).toBe(sent.status);
    if (sent.fields) expect(body.data.fields).toMatchObject(sent.fields);
    const reread = await getJson<Row>(body.data.url, defaultToken);
    expect(reread.body.data).toEqual(body.data);
    const bad = await json(postJson(`${url}${path}`, sent.status ? { status: "maybe" } : { fields: "none" }, defaultToken));
    expect(bad.status, "bad body").toBe(400);
    expect(bad.body).toMatchObject({ data: null, object: "/meta/response", status: 400 });
    if (!path.endsWith("/flows")) {
      const get = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${defaultToken}` } });
      expect(get.status, "GET on a write route").toBe(405);
      expect(get.headers.get("allow")).toBe("POST");
    }
  }

  it("lists every route the simulator serves (so README and --help, built from it, are complete)", () => {
    const catalogued = new Set(ZENEFITS_ENDPOINTS.map((e) => e.path));
    const missing: string[] = [];
    for (const collection of Object.values(COLLECTIONS)) {
      const listEntry = ZENEFITS_ENDPOINTS.find((e) => e.path === collection.path);
      const expected = [collection.path, ...Object.keys(collection.subs ?? {}).map((sub) => `${collection.path}/{id}/${sub}`)];
      if (!listEntry?.empty) expected.push(`${collection.path}/{id}`);
      missing.push(...expected.filter((path) => !catalogued.has(path)));
    }
    expect(missing).toEqual([]);
  });

  const reference = findReference("zenefits-api.md");
  const skipReason = "missing" in reference ? `skipped: ${reference.missing}` : "";
  it.skipIf("missing" in reference)(`covers every endpoint reference §5 lists ${skipReason}`.trim(), () => {
    if ("missing" in reference) return;
    const listed = endpointsOfTable(sectionOf(reference.text, /^## 5\. Endpoints/));
    // A parser that stopped finding rows would make this check pass on nothing.
    expect(listed.length).toBeGreaterThanOrEqual(40);
    const uncovered = listed.filter(
      ({ methods, path }) =>
        !ZENEFITS_ENDPOINTS.some((e) => e.source === "reference" && e.path === path && methods.includes(e.method)),
    );
    expect(uncovered, `in ${reference.file}`).toEqual([]);
  });
});

async function json<T = unknown>(response: Promise<Response>): Promise<{ status: number; body: Envelope<T> }> {
  const r = await response;
  return { status: r.status, body: (await r.json()) as Envelope<T> };
}
