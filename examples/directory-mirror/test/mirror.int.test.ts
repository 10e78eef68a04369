import { readFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { zenefits } from "@roster/connector-zenefits";
import { createSyncConnection, createTestDatabase, type SyncConnectionFixture, type TestDatabase } from "@roster/db/testing";
import { createLogger } from "@roster/logger";
import { createApiKey, publicApiListener } from "@roster/public-api";
import { generateEncryptionKey } from "@roster/secrets";
import { startZenefitsSim, type ZenefitsSim } from "@roster/sim-zenefits";
import { runSync } from "@roster/sync";
import { createEndpoint, deliverWebhooksTask, requestFanOut, webhookFanoutTask } from "@roster/webhooks";
import { Logger, type Runner, run, runMigrations } from "graphile-worker";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { generatedTypes } from "../scripts/generate-types";
import { createMirrorTables, createReceiver, exportAll, rosterClient } from "../src/index";

// The example consumer against the real thing: Roster's API over HTTP, a directory synced from
// the Zenefits simulator, the webhook fan-out and deliveries run by graphile-worker.
const log = createLogger("mirror-test", { level: "silent" });
const encryptionKey = generateEncryptionKey();
let database: TestDatabase;
let sim: ZenefitsSim;
let connection: SyncConnectionFixture;
let api: http.Server;
let receiver: http.Server;
let runner: Runner;
let local: pg.Pool;

const sync = () =>
  runSync({
    db: database.db,
    connector: zenefits,
    credentials: { accessToken: sim.defaultToken, baseUrl: sim.url },
    connection,
    trigger: "manual",
    log,
  });
const urlOf = (server: http.Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const listen = (server: http.Server) => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));

beforeAll(async () => {
  database = await createTestDatabase();
  await runMigrations({ connectionString: database.url });
  sim = await startZenefitsSim({ port: 0, people: 120, seed: 9 });
  connection = await createSyncConnection(database.db, { connectorId: "zenefits", displayName: "Zenefits" });
  expect((await sync()).status).toBe("succeeded");
  api = http.createServer(publicApiListener({ db: database.db, log, encryptionKey, rateLimitPerMinute: 100_000 }));
  await listen(api);
  // The consumer's own database: here a schema-less pool on the same test database.
  local = new pg.Pool({ connectionString: database.url, max: 3 });
  await createMirrorTables(local);
  const deps = { db: database.db, encryptionKey, log };
  runner = await run({
    connectionString: database.url,
    concurrency: 2,
    noHandleSignals: true,
    pollInterval: 200,
    logger: new Logger(() => () => {}),
    taskList: { webhook_fanout: webhookFanoutTask(deps), deliver_webhooks: deliverWebhooksTask(deps) },
    preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
  });
});
afterAll(async () => {
  await runner?.stop();
  receiver?.closeAllConnections();
  receiver?.close();
  api?.closeAllConnections();
  api?.close();
  await local?.end();
  await sim?.close();
  await database?.drop();
});

const mirrored = async () =>
  (await local.query("select id, display_name, work_email, status, deleted from mirror_employees order by id")).rows;
const inRoster = async () =>
  (
    await database.db
      .selectFrom("employees")
      .select(["id", "display_name", "work_email", "status", "remote_deleted_at"])
      .where("organisation_id", "=", connection.organisationId)
      .orderBy("id")
      .execute()
  ).map((e) => ({
    id: e.id,
    display_name: e.display_name,
    work_email: e.work_email,
    status: e.status,
    deleted: e.remote_deleted_at !== null,
  }));

it("mirrors the directory by cursor, then keeps it current from signed webhooks", async () => {
  const { key } = await createApiKey(
    database.db,
    { organisationId: connection.organisationId, userId: null },
    { name: "mirror" },
  );
  const client = rosterClient(urlOf(api), key);
  const exported = await exportAll(client, local);
  expect(exported.records).toBe(120);
  expect(await mirrored()).toEqual(await inRoster());

  receiver = await (async () => {
    const { secret } = await createEndpoint(
      database.db,
      encryptionKey,
      { organisationId: connection.organisationId, userId: null },
      {
        url: "http://placeholder.invalid/",
        events: ["employee.created", "employee.updated", "employee.deleted", "sync.succeeded"],
      },
    );
    const server = createReceiver({ client, db: local, secret });
    await listen(server);
    await database.db
      .updateTable("webhook_endpoints")
      .set({ url: `${urlOf(server)}/roster` })
      .execute();
    return server;
  })();

  sim.mutate({ change: 10, add: 3, delete: 2 });
  expect((await sync()).status).toBe("succeeded");
  await database.db.transaction().execute((trx) => requestFanOut(trx));
  await expect
    .poll(async () => JSON.stringify(await mirrored()), { timeout: 30_000, interval: 250 })
    .toBe(JSON.stringify(await inRoster()));
  const events = await local.query("select count(*)::int as n from mirror_events");
  expect(events.rows[0].n).toBe(15);
});

it("its generated API types are those of the current OpenAPI document (run `pnpm generate` here when not)", async () => {
  const committed = await readFile(new URL("../src/roster-api.ts", import.meta.url), "utf8");
  expect(committed).toBe(await generatedTypes());
});
