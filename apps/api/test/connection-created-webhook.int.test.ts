import http from "node:http";
import type { AddressInfo } from "node:net";
import { createApiKey } from "@roster/public-api";
import { generateEncryptionKey } from "@roster/secrets";
import { startZenefitsSim, type ZenefitsSim } from "@roster/sim-zenefits";
import { createEndpoint } from "@roster/webhooks";
import { runnerPreset } from "@roster/worker";
import { Logger, type Runner, run, runMigrations } from "graphile-worker";
import pg from "pg";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, expect, it } from "vitest";
import { SESSION_COOKIE } from "../src/index";
import { createOrgFixture, insertSession, type OrgFixture } from "./helpers/fixtures";
import { startTestApi, type TestApi } from "./helpers/test-api";
import { testTaskList } from "./helpers/worker";

/**
 * connection.created, end to end: a connection made in the dashboard and one made through a
 * connect link each reach a subscribed endpoint exactly once, signed as every event is (checked
 * with the Standard Webhooks reference library), through the real worker's fan-out and deliveries.
 */
let api: TestApi;
let sim: ZenefitsSim;
let runner: Runner;
let workerPool: pg.Pool;
let fx: OrgFixture;
const encryptionKey = generateEncryptionKey();

interface Received {
  headers: Record<string, string>;
  body: string;
}
const received: Received[] = [];
let receiver: http.Server;
let receiverUrl = "";

beforeAll(async () => {
  sim = await startZenefitsSim({ port: 0, people: 10, seed: 4 });
  api = await startTestApi(
    { ENCRYPTION_KEY: encryptionKey, PUBLIC_URL: "https://roster.example.test" },
    { connections: { credentialDefaults: { zenefits: { baseUrl: sim.url } }, verify: { retry: { maxAttempts: 1 } } } },
  );
  await runMigrations({ connectionString: api.database.url });
  const db = api.database.db;
  // Our own pool, ended (and awaited) before the database is dropped: graphile-worker does not
  // wait for the end of a pool it made itself.
  workerPool = new pg.Pool({ connectionString: api.database.url, max: 6 });
  runner = await run({
    pgPool: workerPool,
    taskList: testTaskList(db, { encryptionKey, publicUrl: "https://roster.example.test" }),
    concurrency: 4,
    pollInterval: 200,
    noHandleSignals: true,
    logger: new Logger(() => () => {}),
    preset: runnerPreset,
  });
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers as Record<string, string>, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  fx = await createOrgFixture(db);
});
afterAll(async () => {
  await runner?.stop();
  await workerPool?.end();
  receiver?.closeAllConnections();
  await new Promise((resolve) => receiver?.close(resolve));
  await api?.close();
  await sim?.close();
});

const eventsOfType = (type: string) => received.filter((r) => JSON.parse(r.body).type === type);

async function waitForEvents(type: string, count: number) {
  const deadline = Date.now() + 30_000;
  while (eventsOfType(type).length < count) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${count} ${type} deliveries`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

it("a dashboard connect and a connect link each deliver one signed connection.created with the connection, connector, organisation and link", async () => {
  // Tried: organisation A (endpoint for connection.created only) connects Zenefits in the dashboard;
  // organisation B (external_ref "cust-42", same kind of endpoint) connects it through a link made
  // with its API key. Must hold: exactly two connection.created deliveries, one per organisation,
  // each verifying with its endpoint's secret; A's says created_via dashboard and no link, B's names
  // the link and the external_ref; the first syncs' sync.succeeded are not sent (not subscribed); no
  // second delivery of either arrives while the first syncs finish.
  const db = api.database.db;
  await db.updateTable("organisations").set({ external_ref: "cust-42" }).where("id", "=", fx.otherOrganisationId).execute();
  const endpointOf = (organisationId: string) =>
    createEndpoint(db, encryptionKey, { organisationId, userId: null }, { url: receiverUrl, events: ["connection.created"] });
  const [a, b] = [await endpointOf(fx.organisationId), await endpointOf(fx.otherOrganisationId)];

  const { trpc, jar } = api.client();
  jar.cookies.set(SESSION_COOKIE, await insertSession(db, fx.users.owner.id, fx.organisationId));
  const dashboard = await trpc.connections.connect.mutate({
    connectorId: "zenefits",
    credentials: { accessToken: sim.defaultToken },
    notificationEmail: "hr@acme.test",
  });

  const { key } = await createApiKey(
    db,
    { organisationId: fx.otherOrganisationId, userId: null },
    {
      name: "product",
      scopes: ["connections:manage"],
    },
  );
  const created = await fetch(`${api.url}/api/v1/connect-links`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify({ connector_id: "zenefits", return_url: "https://product.example.test/done" }),
  });
  const link = (await created.json()) as { id: string; url: string };
  const token = link.url.split("/connect/")[1];
  const completed = await fetch(`${api.url}/api/connect-link/complete`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ credentials: { accessToken: sim.defaultToken } }),
  });
  expect(completed.status).toBe(201);
  const viaLink = ((await completed.json()) as { connection_id: string }).connection_id;

  await waitForEvents("connection.created", 2);
  // Both first syncs done (their events fanned out too) before counting: nothing more may come.
  const synced = async () =>
    (await db.selectFrom("sync_runs").select("status").where("status", "=", "succeeded").execute()).length;
  const deadline = Date.now() + 30_000;
  while ((await synced()) < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(received).toHaveLength(2);

  const bodies = new Map<string, { id: string; organisation_id: string; data: Record<string, unknown> }>();
  for (const [endpoint, organisationId] of [
    [a, fx.organisationId],
    [b, fx.otherOrganisationId],
  ] as const) {
    const delivery = received.find((r) => JSON.parse(r.body).organisation_id === organisationId);
    expect(delivery, `a delivery for ${organisationId}`).toBeDefined();
    const payload = new Webhook(endpoint.secret).verify(delivery!.body, {
      "webhook-id": delivery!.headers["webhook-id"]!,
      "webhook-timestamp": delivery!.headers["webhook-timestamp"]!,
      "webhook-signature": delivery!.headers["webhook-signature"]!,
    }) as { id: string; type: string; organisation_id: string; data: Record<string, unknown> };
    expect(payload.id).toBe(delivery!.headers["webhook-id"]);
    expect(payload.type).toBe("connection.created");
    bodies.set(organisationId, payload);
  }
  expect(bodies.get(fx.organisationId)!.data).toEqual({
    connection_id: dashboard.id,
    connector_id: "zenefits",
    organisation_id: fx.organisationId,
    organisation_external_ref: null,
    created_via: "dashboard",
    connect_link_id: null,
  });
  expect(bodies.get(fx.otherOrganisationId)!.data).toEqual({
    connection_id: viaLink,
    connector_id: "zenefits",
    organisation_id: fx.otherOrganisationId,
    organisation_external_ref: "cust-42",
    created_via: "connect_link",
    connect_link_id: link.id,
  });
});
