import { bamboohr } from "@roster/connector-bamboohr";
import { zenefits } from "@roster/connector-zenefits";
import { afterAll, beforeAll, expect, it } from "vitest";
import { connectPageFrameAncestors, createPlatformKey, ORGANISATION_HEADER } from "../src/index";
import { startWorld, type World } from "./helpers/world";

/**
 * Connect links over real HTTP, against the Zenefits simulator and a real database: created with
 * an organisation's key or a platform key, then used as the connect page uses them (the link token
 * the only credential). Each organisation here is fresh, so the connect is the first one.
 */
let world: World;
let platformKey: string;

beforeAll(async () => {
  world = await startWorld({ people: 10 });
  // As apps/api passes them: where links point, and how credentials are verified and stored.
  world.deps.publicUrl = "https://roster.example.test";
  world.deps.connections = {
    db: world.database.db,
    connectors: [zenefits, bamboohr],
    encryptionKey: world.encryptionKey,
    credentialDefaults: { zenefits: { baseUrl: world.sim.url } },
    verify: { retry: { maxAttempts: 1 } },
  };
  platformKey = (await createPlatformKey(world.database.db, { name: "feedback platform" })).key;
});
afterAll(async () => world?.close());

async function v1(method: string, path: string, key: string, body?: unknown, organisation?: string) {
  const response = await fetch(`${world.api.url}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      "content-type": "application/json",
      ...(organisation ? { [ORGANISATION_HEADER]: organisation } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: (await response.json()) as any };
}

async function page(method: "GET" | "POST", path: string, token: string, body?: unknown) {
  const response = await fetch(`${world.api.url}/api/connect-link${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: (await response.json()) as any };
}

let refs = 0;
async function freshOrganisation(): Promise<string> {
  refs += 1;
  return (await v1("POST", "/organisations", platformKey, { name: `Customer ${refs}`, external_ref: `customer-${refs}` })).body
    .id;
}

async function linkFor(organisationId: string, extra: Record<string, unknown> = {}) {
  const created = await v1(
    "POST",
    "/connect-links",
    platformKey,
    { connector_id: "zenefits", return_url: "https://app.example.test/settings/hris?tab=1", ...extra },
    organisationId,
  );
  expect(created.status).toBe(201);
  const token = (created.body.url as string).split("/connect/")[1]!;
  return { id: created.body.id as string, url: created.body.url as string, token };
}

it("connects once: describe, verify, complete, redirect with the connection id; stores only the token's hash", async () => {
  // Tried: an organisation's own key makes a branded link; the page describes it, verifies the
  // simulator's token and completes. Must hold: the description is Zenefits' form and the brand
  // (no organisation ids); the checklist lists permissions; the connection is in that organisation;
  // the redirect carries its id and keeps return_url's query; the database never holds the token.
  const organisationId = await freshOrganisation();
  const key = await world.keyFor(organisationId, ["connections:manage"]);
  const created = await v1("POST", "/connect-links", key, {
    connector_id: "zenefits",
    return_url: "https://app.example.test/done?step=2",
    brand: { name: "Feedbackly", logo_url: "https://app.example.test/logo.png", colour: "#336699" },
  });
  expect(created.status).toBe(201);
  expect(created.body.url).toMatch(/^https:\/\/roster\.example\.test\/connect\/[A-Za-z0-9_-]{43}$/);
  const token = created.body.url.split("/connect/")[1];

  const described = await page("GET", "", token);
  expect(described.status).toBe(200);
  expect(described.body.connectors).toHaveLength(1);
  expect(described.body.connectors[0].credential_fields.map((f: { name: string }) => f.name)).toContain("accessToken");
  expect(described.body.requested_by).toBeNull();
  expect(described.body.brand).toEqual({ name: "Feedbackly", logo_url: "https://app.example.test/logo.png", colour: "#336699" });
  expect(JSON.stringify(described.body)).not.toContain(organisationId);

  const verified = await page("POST", "/verify", token, { credentials: { accessToken: world.sim.defaultToken } });
  expect(verified.status).toBe(200);
  expect(verified.body.permissions.length).toBeGreaterThan(0);

  const done = await page("POST", "/complete", token, {
    credentials: { accessToken: world.sim.defaultToken },
    notification_email: "hr@customer.test",
  });
  expect(done.status).toBe(201);
  const connection = await world.database.db
    .selectFrom("connections")
    .select(["id", "organisation_id", "notification_email"])
    .where("id", "=", done.body.connection_id)
    .executeTakeFirstOrThrow();
  expect(connection).toMatchObject({ organisation_id: organisationId, notification_email: "hr@customer.test" });
  const redirect = new URL(done.body.redirect_url);
  expect(redirect.origin + redirect.pathname).toBe("https://app.example.test/done");
  expect(redirect.searchParams.get("step")).toBe("2");
  expect(redirect.searchParams.get("connection_id")).toBe(connection.id);
  expect(redirect.searchParams.get("connector_id")).toBe("zenefits");
  expect(done.body.connector_id).toBe("zenefits");

  const stored = await world.database.db
    .selectFrom("connect_links")
    .selectAll()
    .where("id", "=", created.body.id)
    .executeTakeFirstOrThrow();
  expect(JSON.stringify(stored)).not.toContain(token);
  expect(stored.connection_id).toBe(connection.id);
  const audit = await world.database.db
    .selectFrom("audit_log")
    .select(["action", "details"])
    .where("organisation_id", "=", organisationId)
    .where("action", "=", "connection.created")
    .executeTakeFirstOrThrow();
  expect(audit.details).toMatchObject({ via: "connect_link", connect_link_id: created.body.id });
});

it("refuses a link used twice, including two completes racing", async () => {
  // Tried: two concurrent completes with the same link, then describe and verify again. Must hold:
  // one 201 and one 410; one connection; afterwards every call with the link is 410.
  const organisationId = await freshOrganisation();
  const { token } = await linkFor(organisationId);
  const body = { credentials: { accessToken: world.sim.defaultToken } };
  const [first, second] = await Promise.all([page("POST", "/complete", token, body), page("POST", "/complete", token, body)]);
  expect([first.status, second.status].sort()).toEqual([201, 410]);
  const connections = await world.database.db
    .selectFrom("connections")
    .select("id")
    .where("organisation_id", "=", organisationId)
    .execute();
  expect(connections).toHaveLength(1);
  expect((await page("GET", "", token)).status).toBe(410);
  expect((await page("POST", "/verify", token, body)).status).toBe(410);
});

it("a failed connect hands the link back; a good one then works", async () => {
  // Tried: complete with a token the simulator rejects, then with a good one. Must hold: 422 naming
  // the problem, no connection, the link still usable; then 201.
  const organisationId = await freshOrganisation();
  const { token } = await linkFor(organisationId);
  const bad = await page("POST", "/complete", token, { credentials: { accessToken: "not-a-real-token-at-all" } });
  expect(bad.status).toBe(422);
  expect(
    await world.database.db.selectFrom("connections").select("id").where("organisation_id", "=", organisationId).execute(),
  ).toEqual([]);
  expect((await page("POST", "/complete", token, { credentials: { accessToken: world.sim.defaultToken } })).status).toBe(201);
});

it("refuses an expired link on every call, by the server's clock", async () => {
  // Tried: a link whose expiry has passed (moved into the past in the database). Must hold: describe,
  // verify and complete all 410, and nothing is connected.
  const organisationId = await freshOrganisation();
  const { id, token } = await linkFor(organisationId, { expires_in_minutes: 5 });
  await world.database.db
    .updateTable("connect_links")
    .set({ expires_at: new Date(Date.now() - 1000) })
    .where("id", "=", id)
    .execute();
  const body = { credentials: { accessToken: world.sim.defaultToken } };
  for (const answer of [
    await page("GET", "", token),
    await page("POST", "/verify", token, body),
    await page("POST", "/complete", token, body),
  ]) {
    expect(answer.status).toBe(410);
    expect(answer.body.detail).toMatch(/expired/);
  }
  expect(
    await world.database.db.selectFrom("connections").select("id").where("organisation_id", "=", organisationId).execute(),
  ).toEqual([]);
});

it("refuses tampered tokens without saying anything about any link", async () => {
  // Tried: the real token with one character changed, a truncated one, none. Must hold: 404 each,
  // with the same detail; the real link still works afterwards.
  const organisationId = await freshOrganisation();
  const { token } = await linkFor(organisationId);
  const flipped = `${token.slice(0, 10)}${token[10] === "A" ? "B" : "A"}${token.slice(11)}`;
  const answers = [await page("GET", "", flipped), await page("GET", "", token.slice(0, 42)), await page("GET", "", "")];
  for (const answer of answers)
    expect(answer).toMatchObject({ status: 404, body: { detail: "This connect link is not valid." } });
  expect((await page("GET", "", token)).status).toBe(200);
});

it("a link connects its own organisation only, and keys cannot make links for other organisations", async () => {
  // Tried: a platform-key link for organisation X completed; X's own key naming Y on POST /connect-links.
  // Must hold: the connection lands in X, none in Y; X's key is refused with 403 and no link is made for Y.
  const x = await freshOrganisation();
  const y = await freshOrganisation();
  const { token } = await linkFor(x);
  const done = await page("POST", "/complete", token, { credentials: { accessToken: world.sim.defaultToken } });
  expect(done.status).toBe(201);
  const owner = await world.database.db
    .selectFrom("connections")
    .select("organisation_id")
    .where("id", "=", done.body.connection_id)
    .executeTakeFirstOrThrow();
  expect(owner.organisation_id).toBe(x);
  expect(await world.database.db.selectFrom("connections").select("id").where("organisation_id", "=", y).execute()).toEqual([]);

  const keyOfX = await world.keyFor(x, ["connections:manage"]);
  const reach = await v1("POST", "/connect-links", keyOfX, { connector_id: "zenefits", return_url: "https://a.test/" }, y);
  expect(reach.status).toBe(403);
  expect(await world.database.db.selectFrom("connect_links").select("id").where("organisation_id", "=", y).execute()).toEqual([]);
});

it("the connect page may be framed only by the link's allowed origins", async () => {
  // Tried: the page's CSP for a link with two allowed origins, one with none, a tampered token.
  // Must hold: frame-ancestors lists exactly the two origins; 'none' for the others.
  const organisationId = await freshOrganisation();
  const framed = await linkFor(organisationId, { allowed_origins: ["https://app.example.test", "http://localhost:5173"] });
  expect(await connectPageFrameAncestors(world.database.db, framed.token)).toBe(
    "frame-ancestors https://app.example.test http://localhost:5173",
  );
  const unframed = await linkFor(organisationId);
  expect(await connectPageFrameAncestors(world.database.db, unframed.token)).toBe("frame-ancestors 'none'");
  expect(await connectPageFrameAncestors(world.database.db, "x".repeat(43))).toBe("frame-ancestors 'none'");
  const badOrigin = await v1(
    "POST",
    "/connect-links",
    platformKey,
    { connector_id: "zenefits", return_url: "https://a.test/", allowed_origins: ["https://a.test/path"] },
    organisationId,
  );
  expect(badOrigin.status).toBe(400);
});

it("a deactivated organisation gets no connect links", async () => {
  // Tried: deactivate an organisation, then ask for a link for it. Must hold: 409, no link stored.
  const organisationId = await freshOrganisation();
  await v1("POST", `/organisations/${organisationId}/deactivate`, platformKey);
  const refused = await v1(
    "POST",
    "/connect-links",
    platformKey,
    { connector_id: "zenefits", return_url: "https://a.test/" },
    organisationId,
  );
  expect(refused.status).toBe(409);
  expect(
    await world.database.db.selectFrom("connect_links").select("id").where("organisation_id", "=", organisationId).execute(),
  ).toEqual([]);
});

it("offers a choice of connectors: the page lists them from their manifests, connects the chosen one once, refuses any other", async () => {
  // Tried: a link offering BambooHR and Zenefits; describe; verify and complete without naming one,
  // naming one the link does not offer (Lever, installed or not), then completing Zenefits; then
  // BambooHR with the same link. Must hold: both described in the order given with name, logo and
  // their own fields; no choice is 400, another connector 403 and nothing connected; the chosen
  // one is connected and named in the answer and the redirect; the link is then spent for any.
  const organisationId = await freshOrganisation();
  const created = await v1(
    "POST",
    "/connect-links",
    platformKey,
    { connector_ids: ["bamboohr", "zenefits"], return_url: "https://app.example.test/done" },
    organisationId,
  );
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ connector_id: null, connector_ids: ["bamboohr", "zenefits"] });
  const token = (created.body.url as string).split("/connect/")[1]!;

  const described = await page("GET", "", token);
  expect(described.status).toBe(200);
  const offered = described.body.connectors as {
    id: string;
    name: string;
    logo: string;
    credential_fields: { name: string }[];
  }[];
  expect(offered.map((c) => [c.id, c.name])).toEqual([
    ["bamboohr", "BambooHR"],
    ["zenefits", "Zenefits"],
  ]);
  for (const connector of offered) expect(connector.logo).toMatch(/^data:image\/svg\+xml,/);
  expect(offered[0]!.credential_fields.map((f) => f.name)).toContain("companyDomain");
  expect(offered[1]!.credential_fields.map((f) => f.name)).toContain("accessToken");

  const credentials = { accessToken: world.sim.defaultToken };
  expect((await page("POST", "/verify", token, { credentials })).status).toBe(400);
  expect((await page("POST", "/complete", token, { credentials })).status).toBe(400);
  for (const other of ["lever", "acme-hr"]) {
    expect((await page("POST", "/verify", token, { connector_id: other, credentials })).status).toBe(403);
    expect((await page("POST", "/complete", token, { connector_id: other, credentials })).status).toBe(403);
  }
  expect(
    await world.database.db.selectFrom("connections").select("id").where("organisation_id", "=", organisationId).execute(),
  ).toEqual([]);

  expect((await page("POST", "/verify", token, { connector_id: "zenefits", credentials })).status).toBe(200);
  const done = await page("POST", "/complete", token, { connector_id: "zenefits", credentials });
  expect(done.status).toBe(201);
  expect(done.body.connector_id).toBe("zenefits");
  expect(new URL(done.body.redirect_url).searchParams.get("connector_id")).toBe("zenefits");
  const connection = await world.database.db
    .selectFrom("connections")
    .select(["organisation_id", "connector_id"])
    .where("id", "=", done.body.connection_id)
    .executeTakeFirstOrThrow();
  expect(connection).toEqual({ organisation_id: organisationId, connector_id: "zenefits" });
  const again = await page("POST", "/complete", token, {
    connector_id: "bamboohr",
    credentials: { companyDomain: "acme", apiKey: "x".repeat(40) },
  });
  expect(again.status).toBe(410);
});

it("a single-connector link refuses another connector named by the page", async () => {
  // Tried: a Zenefits-only link verified and completed as BambooHR. Must hold: 403 both, nothing connected.
  const organisationId = await freshOrganisation();
  const { token } = await linkFor(organisationId);
  const body = { connector_id: "bamboohr", credentials: { companyDomain: "acme", apiKey: "x".repeat(40) } };
  expect((await page("POST", "/verify", token, body)).status).toBe(403);
  expect((await page("POST", "/complete", token, body)).status).toBe(403);
  expect(
    await world.database.db.selectFrom("connections").select("id").where("organisation_id", "=", organisationId).execute(),
  ).toEqual([]);
});

it("refuses link requests naming connectors badly", async () => {
  // Tried: both connector_id and connector_ids, neither, an empty list, a repeated connector, an
  // ATS in the list, an unknown one. Must hold: 400 each, naming the parameter; no link stored.
  const organisationId = await freshOrganisation();
  const cases: [Record<string, unknown>, string][] = [
    [{ connector_id: "zenefits", connector_ids: ["bamboohr"] }, "connector_id"],
    [{}, "connector_id"],
    [{ connector_ids: [] }, "connector_ids"],
    [{ connector_ids: ["zenefits", "zenefits"] }, "connector_ids"],
    [{ connector_ids: ["zenefits", "lever"] }, "connector_ids"],
    [{ connector_ids: ["bamboohr", "acme-hr"] }, "connector_ids"],
  ];
  for (const [connectors, parameter] of cases) {
    const answer = await v1(
      "POST",
      "/connect-links",
      platformKey,
      { ...connectors, return_url: "https://a.test/" },
      organisationId,
    );
    expect(answer.status, JSON.stringify(connectors)).toBe(400);
    expect(answer.body.errors.map((e: { parameter: string }) => e.parameter)).toContain(parameter);
  }
  expect(
    await world.database.db.selectFrom("connect_links").select("id").where("organisation_id", "=", organisationId).execute(),
  ).toEqual([]);
});
