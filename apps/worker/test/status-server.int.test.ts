import { createDb, freePort } from "@roster/db";
import { createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { createMetricsRegistry } from "@roster/metrics";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStatusServer } from "../src/status-server";

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb?.drop();
});

const get = async (base: string, path: string) => {
  const res = await fetch(`${base}${path}`);
  return { status: res.status, body: await res.json() };
};

describe("the worker's status port", () => {
  it("is ready while its runner takes jobs on a migrated database, and not once it stops; alive throughout", async () => {
    // Tried: the status server on a migrated database with the runner running, then stopping.
    // Must hold: /readyz 200 then 503 (runner "stopping"); /healthz and /livez 200 both times.
    let running = true;
    const status = await startStatusServer({
      port: 0,
      db: testDb.db,
      metrics: createMetricsRegistry("worker"),
      running: () => running,
    });
    const base = `http://127.0.0.1:${status.port}`;
    try {
      expect(await get(base, "/readyz")).toEqual({
        status: 200,
        body: { ok: true, runner: "running", database: "ok", migrations: "current" },
      });
      running = false;
      expect(await get(base, "/readyz")).toMatchObject({ status: 503, body: { ok: false, runner: "stopping" } });
      for (const path of ["/healthz", "/livez"]) expect(await get(base, path)).toEqual({ status: 200, body: { ok: true } });
    } finally {
      await status.close();
    }
  });

  it("stays alive (/healthz 200) with the database unreachable, while /readyz says it is not ready", async () => {
    const db = createDb(`postgres://nobody:nothing@127.0.0.1:${await freePort()}/none`);
    const status = await startStatusServer({ port: 0, db, metrics: createMetricsRegistry("worker"), running: () => true });
    const base = `http://127.0.0.1:${status.port}`;
    try {
      expect(await get(base, "/readyz")).toEqual({
        status: 503,
        body: { ok: false, runner: "running", database: "unreachable", migrations: "unknown" },
      });
      expect(await get(base, "/healthz")).toEqual({ status: 200, body: { ok: true } });
    } finally {
      await status.close();
      await db.destroy();
    }
  });
});
