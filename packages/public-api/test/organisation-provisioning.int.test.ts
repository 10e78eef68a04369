import { afterAll, beforeAll, expect, it } from "vitest";
import { createPlatformKey } from "../src/index";
import { startApiServer, startWorld, type World } from "./helpers/world";

/**
 * Provisioning over real HTTP against a real database: a platform creates its customers'
 * organisations by its own reference, finds them, invites their owners (the dashboard's invite
 * mechanism) and deactivates them; organisation keys cannot provision.
 */
let world: World;
let api: { url: string; close(): Promise<void> };
let platformKey: string;
let platformKeyId: string;

beforeAll(async () => {
  world = await startWorld({ people: 10 });
  // The same deps with a public URL, as apps/api passes it.
  api = await startApiServer({ ...world.deps, publicUrl: "https://roster.example.test/" });
  const created = await createPlatformKey(world.database.db, { name: "feedback platform" });
  platformKey = created.key;
  platformKeyId = created.platformKey.id;
});
afterAll(async () => {
  await api?.close();
  await world?.close();
});

async function call(method: string, path: string, body?: unknown, key = platformKey) {
  const response = await fetch(`${api.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: (await response.json()) as any };
}

it("creating with the same external_ref twice, even concurrently, yields one organisation", async () => {
  // Tried: three concurrent creates with ref cust-42, then one more with another name. Must hold:
  // exactly one 201, the rest 200, all the same id; one row in the table; the name not overwritten;
  // the creation audited once in the new organisation's log as the platform key's.
  const racing = await Promise.all(
    [1, 2, 3].map(() => call("POST", "/organisations", { name: "Acme", external_ref: "cust-42" })),
  );
  expect(racing.map((r) => r.status).sort()).toEqual([200, 200, 201]);
  const ids = new Set(racing.map((r) => r.body.id));
  expect(ids.size).toBe(1);
  const again = await call("POST", "/organisations", { name: "Acme Renamed", external_ref: "cust-42" });
  expect(again.status).toBe(200);
  expect(again.body).toMatchObject({ id: racing[0]!.body.id, name: "Acme", external_ref: "cust-42", status: "active" });
  const rows = await world.database.db.selectFrom("organisations").select("id").where("external_ref", "=", "cust-42").execute();
  expect(rows).toHaveLength(1);
  const audit = await world.database.db
    .selectFrom("audit_log")
    .select(["action", "actor_platform_key_id", "actor_user_id"])
    .where("organisation_id", "=", rows[0]!.id)
    .execute();
  expect(audit).toEqual([{ action: "organisation.created", actor_platform_key_id: platformKeyId, actor_user_id: null }]);
});

it("looks organisations up by external_ref and id, and pages the list", async () => {
  // Tried: create two more, find one by ref, get it by id, an unknown ref, and list with page_size 1.
  // Must hold: the ref finds exactly that organisation; an unknown ref finds none; paging visits every
  // organisation once.
  const made = await call("POST", "/organisations", { name: "Beta", external_ref: "cust-43" });
  await call("POST", "/organisations", { name: "Gamma", external_ref: "cust-44" });
  const found = await call("GET", "/organisations?external_ref=cust-43");
  expect(found.body.data).toEqual([made.body]);
  expect((await call("GET", `/organisations/${made.body.id}`)).body).toEqual(made.body);
  expect((await call("GET", "/organisations?external_ref=nobody")).body.data).toEqual([]);
  expect((await call("GET", "/organisations/00000000-0000-4000-8000-000000000000")).status).toBe(404);

  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { body: { data: { id: string }[]; next_cursor: string | null } } = await call(
      "GET",
      `/organisations?page_size=1${cursor ? `&cursor=${cursor}` : ""}`,
    );
    seen.push(...page.body.data.map((o) => o.id));
    cursor = page.body.next_cursor;
  } while (cursor);
  const all = await world.database.db.selectFrom("organisations").select("id").orderBy("id").execute();
  expect(seen).toEqual(all.map((o) => o.id));
});

it("setting the owner by email creates an owner invite and queues its email", async () => {
  // Tried: invite owner@acme.test twice (a changed mind re-sends). Must hold: one open owner invite
  // for that email, whose stored hash is of the returned link's token (never the token itself); one
  // queued email per invite, carrying the link.
  const org = (await call("POST", "/organisations", { name: "Delta", external_ref: "cust-45" })).body;
  const first = await call("POST", `/organisations/${org.id}/owner-invites`, { email: "Owner@Acme.test" });
  const second = await call("POST", `/organisations/${org.id}/owner-invites`, { email: "owner@acme.test" });
  expect(first.status).toBe(201);
  expect(second.status).toBe(201);
  expect(second.body.invite_url).toMatch(/^https:\/\/roster\.example\.test\/invite\/[A-Za-z0-9_-]{43}$/);
  const invites = await world.database.db
    .selectFrom("invites")
    .selectAll()
    .where("organisation_id", "=", org.id)
    .where("accepted_at", "is", null)
    .execute();
  expect(invites).toHaveLength(1);
  expect(invites[0]).toMatchObject({ id: second.body.invite_id, email: "owner@acme.test", role: "owner" });
  const token = second.body.invite_url.split("/").pop();
  const { createHash } = await import("node:crypto");
  expect(invites[0]!.token_hash).toBe(createHash("sha256").update(token).digest("hex"));
  const emails = await world.database.db
    .selectFrom("email_outbox")
    .select(["to", "text_body", "dedupe_key"])
    .where("organisation_id", "=", org.id)
    .execute();
  expect(emails.find((e) => e.dedupe_key === `invite:${second.body.invite_id}`)?.text_body).toContain(second.body.invite_url);
});

it("deactivation marks the organisation, keeps its data, and can be undone", async () => {
  // Tried: deactivate organisation A (which has a synced directory), then reactivate. Must hold:
  // status deactivated with a time; its employees are all still there and still readable through the
  // platform key; reactivating clears it.
  const before = await world.database.db
    .selectFrom("employees")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("organisation_id", "=", world.a.organisationId)
    .executeTakeFirstOrThrow();
  const off = await call("POST", `/organisations/${world.a.organisationId}/deactivate`);
  expect(off.body).toMatchObject({ status: "deactivated" });
  expect(off.body.deactivated_at).not.toBeNull();
  const read = await fetch(`${api.url}/api/v1/employees?page_size=500`, {
    headers: { authorization: `Bearer ${platformKey}`, "Roster-Organisation": world.a.organisationId },
  });
  expect(((await read.json()) as { data: unknown[] }).data).toHaveLength(Number(before.n));
  const on = await call("POST", `/organisations/${world.a.organisationId}/reactivate`);
  expect(on.body).toMatchObject({ status: "active", deactivated_at: null });
});

it("organisation keys cannot provision", async () => {
  // Tried: A's key with every scope on create, list and deactivate. Must hold: 403 each, nothing created.
  const key = await world.keyFor(world.a.organisationId, [
    "directory:read",
    "connections:read",
    "sensitive:read",
    "webhooks:manage",
  ]);
  expect((await call("POST", "/organisations", { name: "X", external_ref: "sneaky" }, key)).status).toBe(403);
  expect((await call("GET", "/organisations", undefined, key)).status).toBe(403);
  expect((await call("POST", `/organisations/${world.b.organisationId}/deactivate`, undefined, key)).status).toBe(403);
  const sneaky = await world.database.db.selectFrom("organisations").select("id").where("external_ref", "=", "sneaky").execute();
  expect(sneaky).toEqual([]);
});

it("delete deactivates at once and schedules erasure after the grace period; reactivating cancels it", async () => {
  // Tried: delete an organisation twice, then reactivate it. Must hold: 202 with an erase_after 30 days
  // ahead (by the database clock), the organisation deactivated and still readable; the second delete
  // returns the same schedule; one pending erasure on record; reactivating cancels it.
  const org = (await call("POST", "/organisations", { name: "Epsilon", external_ref: "cust-46" })).body;
  const first = await call("DELETE", `/organisations/${org.id}`);
  expect(first.status).toBe(202);
  expect(first.body.status).toBe("deletion_scheduled");
  const days = (Date.parse(first.body.erase_after) - Date.parse(org.created_at)) / 86_400_000;
  expect(Math.round(days)).toBe(30);
  expect((await call("GET", `/organisations/${org.id}`)).body.status).toBe("deactivated");
  const second = await call("DELETE", `/organisations/${org.id}`);
  expect(second.body.erase_after).toBe(first.body.erase_after);
  const pending = () =>
    world.database.db
      .selectFrom("organisation_erasures")
      .select(["organisation_name", "external_ref", "cancelled_at"])
      .where("organisation_id", "=", org.id)
      .execute();
  expect(await pending()).toEqual([{ organisation_name: "Epsilon", external_ref: "cust-46", cancelled_at: null }]);
  await call("POST", `/organisations/${org.id}/reactivate`);
  expect((await pending())[0]!.cancelled_at).not.toBeNull();
});
