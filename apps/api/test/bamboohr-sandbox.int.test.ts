import { connectors } from "@roster/registry";
import { generateEncryptionKey } from "@roster/secrets";
import { type BambooHrSim, startBambooHrSim } from "@roster/sim-bamboohr";
import { runMigrations } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../src/index";
import { pointSandboxSimulatorsAtLatest } from "../src/webhooks/sandbox-record-webhook";
import { createOrgFixture, insertSession, type OrgFixture } from "./helpers/fixtures";
import { startTestApi, type TestApi } from "./helpers/test-api";

// Sandbox mode with the BambooHR simulator, over real HTTP: saving a BambooHR connection points
// the simulator's webhook at /webhooks/bamboohr/<connectionId> with the connection's own key, so
// a change in the simulator is accepted and queued for a re-read; rotating the key re-points it;
// after a simulator restart the API's start-up step points the new one at the saved connection.
const encryptionKey = generateEncryptionKey();
const hint = "Sandbox: company domain acme, API key 5a4d…";
let api: TestApi;
let sim: BambooHrSim;
let fx: OrgFixture;
let owner: ReturnType<TestApi["client"]>["trpc"];
let connectionId: string;

beforeAll(async () => {
  sim = await startBambooHrSim({ employees: 20, seed: 3, sandbox: true, webhookRetryDelaysMs: [20] });
  api = await startTestApi(
    { ENCRYPTION_KEY: encryptionKey, SANDBOX: "true" },
    {
      connections: {
        credentialDefaults: { bamboohr: { baseUrl: sim.url } },
        sandboxWebhookSimulators: { bamboohr: sim.url },
        sandboxConnectHints: { bamboohr: hint },
        verify: { retry: { maxAttempts: 1 } },
      },
    },
  );
  api.deps.apiPublicUrl = api.url;
  await runMigrations({ connectionString: api.database.url });
  fx = await createOrgFixture(api.deps.db);
  const { trpc, jar } = api.client();
  jar.cookies.set(SESSION_COOKIE, await insertSession(api.deps.db, fx.users.owner.id, fx.organisationId));
  owner = trpc;
});
afterAll(async () => {
  await sim?.close();
  await api?.close();
});

const webhooksOf = async (simulator: BambooHrSim) =>
  ((await (await fetch(`${simulator.adminUrl}/webhooks`)).json()) as { webhooks: { url: string }[] }).webhooks.map((w) => w.url);
// A different person each time: one person's changes within a second share an event id (a replay).
const activeEmployeeId = (simulator: BambooHrSim, index: number) => simulator.truth().directoryIds[index]!;
const pendingIds = async () =>
  (
    await api.deps.db.selectFrom("pending_record_syncs").select("remote_id").where("connection_id", "=", connectionId).execute()
  ).map((row) => row.remote_id);

describe("BambooHR in sandbox mode", () => {
  it("shows the sandbox hint on BambooHR's connect form, and none where no hint was given", async () => {
    const list = await owner.connectors.list.query();
    expect(list.find((c) => c.id === "bamboohr")?.sandboxHint).toBe(hint);
    expect(list.find((c) => c.id === "zenefits")?.sandboxHint).toBeNull();
  });

  it("saving a connection points the simulator's webhook at it, signed with the pasted key, and a change is queued", async () => {
    // Tried: connect with the simulator's sandbox key and a webhook key, then change a person in the simulator.
    // Must hold: the simulator has one webhook, at this connection's URL; its delivery is accepted (202)
    // and the person is pending a re-read.
    const view = await owner.connections.connect.mutate({
      connectorId: "bamboohr",
      credentials: { companyDomain: sim.companyDomain, apiKey: sim.apiKey, webhookPrivateKey: "sandbox-key-one" },
      notificationEmail: "hr@acme.test",
    });
    connectionId = view.id;
    expect(await webhooksOf(sim)).toEqual([`${api.url}/webhooks/bamboohr/${connectionId}`]);
    const id = activeEmployeeId(sim, 0);
    sim.updateEmployee(id, { workEmail: "changed.one@acme.example" });
    await sim.webhooksSettled();
    expect(sim.webhookDeliveries().at(-1)?.statuses).toEqual([202]);
    expect(await pendingIds()).toContain(id);
  });

  it("rotating the webhook key re-points the simulator with the new key: its deliveries still verify", async () => {
    // Tried: rotate to another webhook key, then change a person. Must hold: still one webhook,
    // and the delivery, signed with the new key, is accepted (a stale key would be a 401).
    await owner.connections.rotate.mutate({
      connectionId,
      credentials: { webhookPrivateKey: "sandbox-key-two" },
      confirmFewerPermissions: false,
    });
    expect(await webhooksOf(sim)).toEqual([`${api.url}/webhooks/bamboohr/${connectionId}`]);
    sim.updateEmployee(activeEmployeeId(sim, 1), { workEmail: "changed.two@acme.example" });
    await sim.webhooksSettled();
    expect(sim.webhookDeliveries().at(-1)?.statuses).toEqual([202]);
  });

  it("at start-up, a restarted simulator (no webhook) is pointed at the saved connection again", async () => {
    // Tried: a fresh simulator in place of the old one, then the API's start-up step.
    // Must hold: the fresh simulator's one webhook is this connection's, and its delivery is accepted.
    const restarted = await startBambooHrSim({ employees: 20, seed: 3, sandbox: true, webhookRetryDelaysMs: [20] });
    try {
      expect(await webhooksOf(restarted)).toEqual([]);
      api.deps.connections = { ...api.deps.connections, sandboxWebhookSimulators: { bamboohr: restarted.url } };
      await pointSandboxSimulatorsAtLatest(api.deps, connectors);
      expect(await webhooksOf(restarted)).toEqual([`${api.url}/webhooks/bamboohr/${connectionId}`]);
      restarted.updateEmployee(activeEmployeeId(restarted, 2), { workEmail: "changed.three@acme.example" });
      await restarted.webhooksSettled();
      expect(restarted.webhookDeliveries().at(-1)?.statuses).toEqual([202]);
    } finally {
      await restarted.close();
    }
  });
});
