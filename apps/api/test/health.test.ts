import type { AddressInfo } from "node:net";
import { loadConfig } from "@roster/config";
import { createDb, freePort, migrationNames, sql } from "@roster/db";
import { createLogger } from "@roster/logger";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApiServer } from "../src/index";
import { startTestApi, type TestApi } from "./helpers/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());
beforeEach(async () => {
  await api.deps.db.deleteFrom("worker_heartbeats").execute();
});

const health = async (base = api.url) => {
  const res = await fetch(`${base}/statusz`);
  return { status: res.status, body: await res.json() };
};

const heartbeat = (secondsAgo: number) =>
  api.deps.db
    .insertInto("worker_heartbeats")
    .values({ worker_id: `w-${secondsAgo}`, last_seen_at: sql<Date>`now() - make_interval(secs => ${secondsAgo})` })
    .execute();

describe("GET /statusz", () => {
  it("is healthy with no worker yet (absent)", async () => {
    expect(await health()).toEqual({
      status: 200,
      body: { ok: true, database: "ok", migrations: "current", worker: "absent" },
    });
  });

  it("reports a worker seen within 60 s as ok", async () => {
    await heartbeat(5);
    expect((await health()).body).toMatchObject({ ok: true, worker: "ok" });
  });

  it("is unhealthy (503) when the only worker went quiet", async () => {
    await heartbeat(120);
    expect(await health()).toEqual({
      status: 503,
      body: { ok: false, database: "ok", migrations: "current", worker: "stale" },
    });
  });

  it("is unhealthy when a migration is pending", async () => {
    const latest = migrationNames.at(-1) ?? "";
    const row = await api.deps.db
      .selectFrom("kysely_migration" as any)
      .selectAll()
      .where("name", "=", latest)
      .executeTakeFirstOrThrow();
    await api.deps.db
      .deleteFrom("kysely_migration" as any)
      .where("name", "=", latest)
      .execute();
    try {
      expect(await health()).toMatchObject({ status: 503, body: { ok: false, migrations: "pending" } });
    } finally {
      await api.deps.db
        .insertInto("kysely_migration" as any)
        .values(row as any)
        .execute();
    }
  });

  it("is unhealthy when the database cannot be reached", async () => {
    const db = createDb(`postgres://nobody:nothing@127.0.0.1:${await freePort()}/none`);
    const server = createApiServer({ db, config: loadConfig({ NODE_ENV: "test" }), log: createLogger("t", { level: "silent" }) });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      expect(await health(`http://127.0.0.1:${port}`)).toEqual({
        status: 503,
        body: { ok: false, database: "unreachable", migrations: "unknown", worker: "unknown" },
      });
      // Not ready, but alive: liveness never asks the database, so the process is not restarted for it.
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(503);
      for (const path of ["/healthz", "/livez"]) {
        const live = await fetch(`http://127.0.0.1:${port}${path}`);
        expect({ path, status: live.status, body: await live.json() }).toEqual({ path, status: 200, body: { ok: true } });
      }
    } finally {
      server.close();
      await db.destroy();
    }
  });

  it("leaves other paths to their owners: unknown paths and webhooks are 404 JSON", async () => {
    const res = await fetch(`${api.url}/webhooks/lever`, { method: "POST", body: "{}" });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: "Nothing at /webhooks/lever" });
  });
});
