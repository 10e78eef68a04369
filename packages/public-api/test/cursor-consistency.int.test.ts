import { zenefits } from "@roster/connector-zenefits";
import { runSync } from "@roster/sync";
import { afterAll, beforeAll, expect, it } from "vitest";
import { get, silent, startWorld, type World } from "./helpers/world";

// An export by cursor while a sync changes, adds and deletes people underneath it: every person
// who existed throughout comes out exactly once, nobody twice, and nobody who never existed.
let world: World;
beforeAll(async () => {
  world = await startWorld({ people: 400 });
});
afterAll(async () => world?.close());

const liveIds = async (): Promise<Set<string>> =>
  new Set(
    (
      await world.database.db
        .selectFrom("employees")
        .select("id")
        .where("organisation_id", "=", world.a.organisationId)
        .where("remote_deleted_at", "is", null)
        .execute()
    ).map((r) => r.id),
  );

it("a walk by cursor skips and repeats no one while a sync writes", async () => {
  const key = await world.keyFor(world.a.organisationId, ["directory:read"]);
  const before = await liveIds();
  const mutation = world.sim.mutate({ change: 150, add: 40, delete: 30, terminate: 10 });
  // Slow provider pages and small batches: the sync commits many times while the walk goes on.
  world.sim.setFaults({ latencyMs: 25 });
  const walkStart = new Date();
  const sync = runSync({
    db: world.database.db,
    connector: zenefits,
    credentials: { accessToken: world.sim.defaultToken, baseUrl: world.sim.url },
    connection: { ...world.a, lastSuccessAt: null },
    trigger: "manual",
    log: silent,
    batchSize: 20,
  });
  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await get(world, key, `/api/v1/employees?page_size=5${cursor ? `&cursor=${cursor}` : ""}`);
    expect(page.status).toBe(200);
    seen.push(...page.body.data.map((p: { id: string }) => p.id));
    cursor = page.body.next_cursor;
    pages++;
    await new Promise((resolve) => setTimeout(resolve, 10));
  } while (cursor);
  const walkEnd = new Date();
  expect((await sync).status).toBe("succeeded");
  world.sim.clearFaults();
  const after = await liveIds();

  // The sync really wrote while the walk went on.
  const duringWalk = await world.database.db
    .selectFrom("change_log")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("connection_id", "=", world.a.id)
    .where("created_at", ">", walkStart)
    .where("created_at", "<", walkEnd)
    .executeTakeFirstOrThrow();
  expect(Number(duringWalk.n)).toBeGreaterThan(0);
  expect(pages).toBeGreaterThan(50);

  expect(seen.length).toBe(new Set(seen).size);
  const throughout = [...before].filter((id) => after.has(id));
  expect(throughout.filter((id) => !seen.includes(id))).toEqual([]);
  expect(seen.filter((id) => !before.has(id) && !after.has(id))).toEqual([]);
  expect(mutation.deleted.length).toBeGreaterThan(0);

  // The incremental read after it: every person the sync changed, created or deleted is there.
  const since = encodeURIComponent(walkStart.toISOString());
  const changed = new Set<string>();
  cursor = null;
  do {
    const page = await get(
      world,
      key,
      `/api/v1/employees?page_size=100&include_deleted=true&modified_after=${since}${cursor ? `&cursor=${cursor}` : ""}`,
    );
    for (const p of page.body.data) changed.add(p.remote_id);
    cursor = page.body.next_cursor;
  } while (cursor);
  for (const remoteId of [...mutation.changed, ...mutation.added, ...mutation.deleted]) expect(changed).toContain(remoteId);
});

it("a cursor replayed with other filters is refused, not mixed into another walk", async () => {
  const key = await world.keyFor(world.a.organisationId, ["directory:read"]);
  const first = await get(world, key, "/api/v1/employees?page_size=2&status=active");
  const replayed = await get(world, key, `/api/v1/employees?page_size=2&cursor=${first.body.next_cursor}`);
  expect(replayed.status).toBe(400);
  expect(replayed.body.type).toContain("invalid-cursor");
});
