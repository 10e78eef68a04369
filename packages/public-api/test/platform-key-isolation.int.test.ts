import { afterAll, beforeAll, expect, it } from "vitest";
import { createPlatformKey, ORGANISATION_HEADER, revokePlatformKey } from "../src/index";
import { startWorld, type World } from "./helpers/world";

/**
 * Platform keys against two organisations that synced the same simulated company (the same
 * remote ids in both): a platform key reaches an organisation only by naming it, reads exactly
 * what that organisation's own key would, and leaves a platform-marked row in its audit log; an
 * organisation's key cannot use the header to reach past its own organisation.
 */
let world: World;
let platformKey: string;
let platformKeyId: string;

beforeAll(async () => {
  world = await startWorld({ people: 12 });
  const created = await createPlatformKey(world.database.db, { name: "feedback platform" });
  platformKey = created.key;
  platformKeyId = created.platformKey.id;
});
afterAll(async () => world?.close());

async function call(key: string, path: string, organisation?: string) {
  const headers: Record<string, string> = { authorization: `Bearer ${key}` };
  if (organisation !== undefined) headers[ORGANISATION_HEADER] = organisation;
  const response = await fetch(`${world.api.url}${path}`, { headers });
  return { status: response.status, body: (await response.json()) as any };
}

const ids = (body: { data: { id: string }[] }) => body.data.map((r) => r.id).sort();

it("a platform key must name an organisation, and then reads that organisation only", async () => {
  // Tried: the platform key without the header, with a malformed one, with an unknown organisation,
  // then naming A and naming B. Must hold: 400, 400, 404; A's employees are exactly what A's own key
  // lists, B's exactly B's own, and the two sets share no id.
  const bare = await call(platformKey, "/api/v1/employees");
  expect(bare.status).toBe(400);
  expect(bare.body.detail).toContain(ORGANISATION_HEADER);
  expect((await call(platformKey, "/api/v1/employees", "not-a-uuid")).status).toBe(400);
  expect((await call(platformKey, "/api/v1/employees", "00000000-0000-4000-8000-000000000000")).status).toBe(404);

  const ownA = await call(await world.keyFor(world.a.organisationId, ["directory:read"]), "/api/v1/employees?page_size=100");
  const ownB = await call(await world.keyFor(world.b.organisationId, ["directory:read"]), "/api/v1/employees?page_size=100");
  const viaA = await call(platformKey, "/api/v1/employees?page_size=100", world.a.organisationId);
  const viaB = await call(platformKey, "/api/v1/employees?page_size=100", world.b.organisationId.toUpperCase());
  expect(viaA.status).toBe(200);
  expect(viaB.status).toBe(200);
  expect(ids(viaA.body)).toEqual(ids(ownA.body));
  expect(ids(viaB.body)).toEqual(ids(ownB.body));
  expect(ids(viaA.body).filter((id) => ids(viaB.body).includes(id))).toEqual([]);
});

it("an organisation key cannot use the header to reach another organisation", async () => {
  // Tried: A's key naming B, naming A, and getting one of B's employees while naming B. Must hold:
  // naming B is refused with 403 before anything is read; naming its own organisation works.
  const keyA = await world.keyFor(world.a.organisationId, ["directory:read"]);
  const employeeOfB = await world.database.db
    .selectFrom("employees")
    .select("id")
    .where("organisation_id", "=", world.b.organisationId)
    .executeTakeFirstOrThrow();
  const reachB = await call(keyA, "/api/v1/employees", world.b.organisationId);
  expect(reachB.status).toBe(403);
  expect((await call(keyA, `/api/v1/employees/${employeeOfB.id}`, world.b.organisationId)).status).toBe(403);
  expect((await call(keyA, "/api/v1/employees", world.a.organisationId)).status).toBe(200);
});

it("a platform key's calls go into the named organisation's audit log, marked as the platform's", async () => {
  // Tried: one call naming A. Must hold: A's log gains a row with the platform key as actor, no user,
  // the path and status; B's log gains nothing from it.
  const before = await world.database.db
    .selectFrom("audit_log")
    .select(["id", "organisation_id"])
    .where("actor_platform_key_id", "=", platformKeyId)
    .execute();
  const answer = await call(platformKey, "/api/v1/departments", world.a.organisationId);
  expect(answer.status).toBe(200);
  const rows = await world.database.db
    .selectFrom("audit_log")
    .selectAll()
    .where("actor_platform_key_id", "=", platformKeyId)
    .where("id", "not in", before.length ? before.map((r) => r.id) : ["0"])
    .execute();
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ organisation_id: world.a.organisationId, actor_user_id: null, action: "api.called" });
  expect(rows[0]!.details).toMatchObject({
    via: "platform_key",
    platform_key_name: "feedback platform",
    path: "/api/v1/departments",
    status: 200,
  });
});

it("a platform key keeps to its scopes, and is refused once revoked", async () => {
  // Tried: a directory-only platform key on connections, then the full key after revocation. Must
  // hold: 403 naming the scope; 401 after revoking.
  const narrow = await createPlatformKey(world.database.db, { name: "narrow", scopes: ["directory:read"] });
  const refused = await call(narrow.key, "/api/v1/connections", world.a.organisationId);
  expect(refused.status).toBe(403);
  expect(refused.body.required_scope).toBe("connections:read");
  await revokePlatformKey(world.database.db, narrow.platformKey.id);
  expect((await call(narrow.key, "/api/v1/employees", world.a.organisationId)).status).toBe(401);
});

it("the OpenAPI document lists the header on organisation routes and the platform key scheme", async () => {
  // Tried: read the served document. Must hold: the header parameter component exists and is
  // referenced by the employees list; the platformKey scheme is offered next to bearerAuth.
  const document = (await (await fetch(`${world.api.url}/api/v1/openapi.json`)).json()) as any;
  expect(document.components.parameters.RosterOrganisation).toMatchObject({ name: ORGANISATION_HEADER, in: "header" });
  const list = document.paths["/employees"].get;
  expect(list.parameters).toContainEqual({ $ref: "#/components/parameters/RosterOrganisation" });
  expect(list.security).toContainEqual({ platformKey: [] });
});
