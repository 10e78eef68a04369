import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiScope, apiScopes, revokeApiKey } from "../src/index";
import { get, startApiServer, startWorld, type World } from "./helpers/world";

/**
 * Every route × every single-scope key (and all scopes, and none of organisation A's): a key
 * reads what its scopes allow, and only its own organisation. Organisation B synced the same
 * company, so the same remote ids exist in both: B's records must stay invisible to A's keys.
 */
let world: World;
const keys = new Map<string, string>();
const ids: Record<string, { a: string; b: string }> = {};

const routes: { path: string; scope: ApiScope; table: string }[] = [
  { path: "employees", scope: "directory:read", table: "employees" },
  { path: "employments", scope: "directory:read", table: "employments" },
  { path: "departments", scope: "directory:read", table: "departments" },
  { path: "locations", scope: "directory:read", table: "locations" },
  { path: "custom-fields", scope: "directory:read", table: "custom_fields" },
  { path: "connections", scope: "connections:read", table: "connections" },
  { path: "sync-runs", scope: "connections:read", table: "sync_runs" },
  { path: "hire-transfers", scope: "sensitive:read", table: "hire_transfers" },
  { path: "webhook-endpoints", scope: "webhooks:manage", table: "webhook_endpoints" },
];

beforeAll(async () => {
  world = await startWorld({ people: 30 });
  const { db } = world.database;
  for (const [org, connection] of [
    [world.a.organisationId, world.a.id],
    [world.b.organisationId, world.b.id],
  ] as const) {
    await db
      .insertInto("hire_transfers")
      .values({ organisation_id: org, connection_id: connection, opportunity_id: "opp", trigger: "webhook", status: "pending" })
      .execute();
    await db
      .insertInto("webhook_endpoints")
      .values({ organisation_id: org, url: "https://example.test/hook", events: ["sync.succeeded"], secret_encrypted: "unused" })
      .execute();
  }
  for (const route of routes) {
    const first = async (org: string) =>
      (
        await db
          .selectFrom(route.table as "employees")
          .select("id")
          .where("organisation_id", "=", org)
          .orderBy("id")
          .executeTakeFirstOrThrow()
      ).id;
    ids[route.path] = { a: await first(world.a.organisationId), b: await first(world.b.organisationId) };
  }
  for (const scope of apiScopes) keys.set(scope, await world.keyFor(world.a.organisationId, [scope]));
  keys.set("all", await world.keyFor(world.a.organisationId, [...apiScopes]));
});
afterAll(async () => world?.close());

const holders = [...apiScopes, "all"] as const;
const cells = routes.flatMap((route) => holders.map((holder) => [route.path, holder] as const));

describe.each(cells)("%s with a %s key", (path, holder) => {
  const route = routes.find((r) => r.path === path)!;
  const allowed = holder === "all" || holder === route.scope;

  it(allowed ? "lists and gets organisation A's records only" : "is refused with 403 naming the scope", async () => {
    const key = keys.get(holder)!;
    const list = await get(world, key, `/api/v1/${path}?page_size=500&include_deleted=true`);
    const own = await get(world, key, `/api/v1/${path}/${ids[path]!.a}`);
    const other = await get(world, key, `/api/v1/${path}/${ids[path]!.b}`);
    if (!allowed) {
      for (const answer of [list, own, other]) expect(answer.body).toMatchObject({ status: 403, required_scope: route.scope });
      return;
    }
    expect(list.status).toBe(200);
    const listed: string[] = list.body.data.map((r: { id: string }) => r.id);
    expect(listed).toContain(ids[path]!.a);
    expect(listed).not.toContain(ids[path]!.b);
    const inA = await world.database.db
      .selectFrom(route.table as "employees")
      .select("id")
      .where("organisation_id", "=", world.a.organisationId)
      .execute();
    expect(new Set(listed)).toEqual(new Set(inA.map((r) => r.id)));
    expect(own.status).toBe(200);
    // Another organisation's record is "not found", not "forbidden": its existence is not revealed.
    expect(other.status).toBe(404);
  });
});

describe("sensitive fields", () => {
  it("appear on employees only for keys that hold sensitive:read", async () => {
    const plain = await get(world, keys.get("directory:read")!, "/api/v1/employees?page_size=5");
    for (const person of plain.body.data) {
      expect(person).not.toHaveProperty("personal_email");
      expect(person).not.toHaveProperty("personal_phone");
      expect(person).not.toHaveProperty("custom_fields");
    }
    const both = await world.keyFor(world.a.organisationId, ["directory:read", "sensitive:read"]);
    const full = await get(world, both, "/api/v1/employees?page_size=5");
    for (const person of full.body.data) expect(person).toHaveProperty("custom_fields");
  });
});

/** Revokes the key made last (keyFor answers the key, not its row). */
async function revokeNewestKey(): Promise<void> {
  const row = await world.database.db.selectFrom("api_keys").select("id").orderBy("created_at", "desc").executeTakeFirstOrThrow();
  await revokeApiKey(world.database.db, { organisationId: world.a.organisationId, userId: null }, row.id);
}

describe("keys", () => {
  it("a revoked key is refused from its next request on", async () => {
    const key = await world.keyFor(world.a.organisationId, ["directory:read"]);
    expect((await get(world, key, "/api/v1/departments")).status).toBe(200);
    await revokeNewestKey();
    const after = await get(world, key, "/api/v1/departments");
    expect(after.status).toBe(401);
    expect(after.body.detail).toMatch(/revoked/);
    expect(after.response.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("a key revoked in the middle of a walk is refused its next page, though that page was already read ahead", async () => {
    // Tried: two pages of a walk by cursor (the second makes the API read the third ahead), then
    // the key revoked. Must hold: the third page is refused with 401; nothing read for the key is sent.
    const key = await world.keyFor(world.a.organisationId, ["directory:read"]);
    const first = await get(world, key, "/api/v1/employees?page_size=5");
    const second = await get(world, key, `/api/v1/employees?page_size=5&cursor=${encodeURIComponent(first.body.next_cursor)}`);
    expect(second.status).toBe(200);
    await revokeNewestKey();
    const third = await get(world, key, `/api/v1/employees?page_size=5&cursor=${encodeURIComponent(second.body.next_cursor)}`);
    expect(third.status).toBe(401);
    expect(third.body.data).toBeUndefined();
  });

  it("unknown, malformed and missing keys get 401; the key's last use is recorded", async () => {
    expect((await get(world, "rst_live_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "/api/v1/departments")).status).toBe(401);
    expect((await get(world, "sk_test_123", "/api/v1/departments")).status).toBe(401);
    expect((await get(world, null, "/api/v1/departments")).status).toBe(401);
    const used = await world.database.db
      .selectFrom("api_keys")
      .select("last_used_at")
      .where("last_used_at", "is not", null)
      .execute();
    expect(used.length).toBeGreaterThan(0);
  });

  it("a key over its rate limit gets 429 with Retry-After and RateLimit-* headers, other keys do not", async () => {
    const limited = await startApiServer({ ...world.deps, rateLimitPerMinute: 3 });
    try {
      const key = keys.get("directory:read")!;
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await get({ api: limited }, key, "/api/v1/departments?page_size=1"));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
      expect(answers[0]!.response.headers.get("ratelimit-limit")).toBe("3");
      expect(answers[2]!.response.headers.get("ratelimit-remaining")).toBe("0");
      const refused = answers[3]!;
      expect(Number(refused.response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(refused.body).toMatchObject({ status: 429, type: expect.stringContaining("rate-limited") });
      expect((await get({ api: limited }, keys.get("all")!, "/api/v1/departments?page_size=1")).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
