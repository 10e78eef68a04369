import http from "node:http";
import type { AddressInfo } from "node:net";
import { zenefits } from "@roster/connector-zenefits";
import { createSyncConnection, createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { createLogger } from "@roster/logger";
import { startZenefitsSim, type ZenefitsSim } from "@roster/sim-zenefits";
import { runSync } from "@roster/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// A provider that misbehaves in ways no fault switch covers: a proxy in front of the Zenefits
// simulator rewrites its answers for /core/people. Each case says what was sent and what must
// hold: a clear typed error or a skipped record, never lost or half-written data.
type Rewrite = (body: string) => { status?: number; contentType?: string; body: string };
let rewrite: Rewrite | null = null;
let testDb: TestDatabase;
let sim: ZenefitsSim;
let proxy: http.Server;
let proxyUrl: string;
let connection: { id: string; organisationId: string; lastSuccessAt: null };

beforeAll(async () => {
  testDb = await createTestDatabase();
  sim = await startZenefitsSim({ port: 0, people: 60, seed: 4 });
  proxy = http.createServer(async (req, res) => {
    const upstream = await fetch(`${sim.url}${req.url}`, { headers: { authorization: req.headers.authorization ?? "" } });
    const text = (await upstream.text()).replaceAll(sim.url, proxyUrl);
    const changed = rewrite && req.url?.startsWith("/core/people") ? rewrite(text) : { body: text };
    res.writeHead(changed.status ?? upstream.status, { "content-type": changed.contentType ?? "application/json" });
    res.end(changed.body);
  });
  await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  connection = await createSyncConnection(testDb.db, { connectorId: "zenefits", displayName: "Zenefits" });
  rewrite = null;
  expect((await sync()).status).toBe("succeeded");
});
afterAll(async () => {
  await new Promise<void>((r) => proxy.close(() => r()));
  await sim.close();
  await testDb.drop();
});

const sync = () =>
  runSync({
    db: testDb.db,
    connector: zenefits,
    credentials: { accessToken: sim.defaultToken, baseUrl: proxyUrl },
    connection,
    trigger: "manual",
    log: createLogger("hostile", { level: "silent" }),
    retry: { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 2 },
  });

async function snapshot() {
  return testDb.db
    .selectFrom("employees")
    .select(["remote_id", "display_name", "status", "remote_deleted_at"])
    .orderBy("remote_id")
    .execute();
}

describe("a hostile provider", () => {
  it("answers with HTML instead of JSON: the run fails naming it, data untouched", async () => {
    const before = await snapshot();
    rewrite = () => ({ contentType: "text/html", body: "<html><body>Maintenance</body></html>" });
    const outcome = await sync();
    expect(outcome).toMatchObject({ status: "failed", errorKind: "provider_error" });
    expect(outcome.errorMessage).toMatch(/text\/html instead of JSON/);
    expect(await snapshot()).toEqual(before);
  });

  it("changes its envelope: the run fails naming the broken path, data untouched", async () => {
    const before = await snapshot();
    rewrite = (body) => ({ body: JSON.stringify({ data: { items: JSON.parse(body).data.data }, status: 200 }) });
    const outcome = await sync();
    expect(outcome.status).toBe("failed");
    expect(outcome.errorMessage).toMatch(/data\.data|envelope|shape/i);
    expect(await snapshot()).toEqual(before);
  });

  it("sends an unknown status value: stored as inactive with the provider's word kept", async () => {
    rewrite = (body) => {
      const parsed = JSON.parse(body);
      for (const person of parsed.data.data ?? []) if (person.status === "active") person.status = "on_sabbatical";
      return { body: JSON.stringify(parsed) };
    };
    const outcome = await sync();
    expect(outcome.status).toBe("succeeded");
    const odd = await testDb.db
      .selectFrom("employees")
      .select(["status", "remote_status"])
      .where("remote_status", "=", "on_sabbatical")
      .execute();
    expect(odd.length).toBeGreaterThan(0);
    expect(odd.every((r) => r.status === "inactive")).toBe(true);
  });

  it("sends records of the wrong shape and garbage values: those are skipped with reasons, the rest stored", async () => {
    rewrite = (body) => {
      const parsed = JSON.parse(body);
      const people = parsed.data.data ?? [];
      if (people[0]) people[0].first_name = { nested: true };
      if (people[1]) people[1].id = null;
      if (people[2]) people[2].work_email = 12345;
      return { body: JSON.stringify(parsed) };
    };
    const outcome = await sync();
    expect(outcome.status).toBe("succeeded");
    expect(outcome.counts.people?.failed).toBeGreaterThanOrEqual(2);
    const errors = await testDb.db
      .selectFrom("sync_errors")
      .selectAll()
      .where("run_id", "=", outcome.runId)
      .where("kind", "=", "mapping")
      .execute();
    expect(errors.length).toBe(outcome.counts.people?.failed);
    expect(errors.every((e) => e.message.length > 0)).toBe(true);
    // Nobody disappeared because of a bad record: all of the simulator's people are still live.
    const live = await testDb.db.selectFrom("employees").select("remote_id").where("remote_deleted_at", "is", null).execute();
    expect(live.length).toBe(sim.truth().people.length);
    // The record without an id could have been anyone: the run says it applied no deletions.
    const skipped = await testDb.db
      .selectFrom("sync_errors")
      .select("kind")
      .where("run_id", "=", outcome.runId)
      .where("kind", "=", "deletions_skipped")
      .execute();
    expect(skipped).toHaveLength(1);
    rewrite = null;
  });
});
