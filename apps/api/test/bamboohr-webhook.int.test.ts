import { sql } from "@roster/db";
import { createSyncConnection } from "@roster/db/testing";
import { createLogger } from "@roster/logger";
import { encryptJson, generateEncryptionKey } from "@roster/secrets";
import { type BambooHrSim, signBambooHr, startBambooHrSim } from "@roster/sim-bamboohr";
import { createSyncEngine, createTaskList, runnerPreset, type WorkerConfig } from "@roster/worker";
import { runMigrations, runOnce } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectionView } from "../src/connections/connection-view";
import { startTestApi, type TestApi } from "./helpers/test-api";

// BambooHR's signed webhooks through the real API over HTTP, the real graphile-worker task list
// with the real sync engine, and the BambooHR simulator: a change at BambooHR is re-read alone;
// forged and replayed deliveries change nothing.
const encryptionKey = generateEncryptionKey();
const workerConfig: WorkerConfig = {
  PUBLIC_URL: "https://roster.test",
  SYNC_INTERVAL_HOURS: 24,
  RETRY_INTERVAL_MINUTES: 60,
  MAX_CONSECUTIVE_FAILURES: 3,
  EMAIL_FROM: "Roster <roster@localhost>",
};

let api: TestApi;
let sim: BambooHrSim;
let runJobs: () => Promise<void>;
let connectionId: string;
let organisationId: string;
let privateKey: string;
let webhookUrl: string;

beforeAll(async () => {
  api = await startTestApi({ ENCRYPTION_KEY: encryptionKey });
  await runMigrations({ connectionString: api.database.url });
  sim = await startBambooHrSim({ employees: 40, seed: 5, webhookRetryDelaysMs: [20, 40] });
  const db = api.database.db;
  const taskList = createTaskList({
    db,
    config: workerConfig,
    log: createLogger("worker-test", { level: "silent" }),
    syncConnection: createSyncEngine(db, encryptionKey),
    mailer: null,
    clock: () => new Date(),
  });
  runJobs = () => runOnce({ connectionString: api.database.url, taskList, noHandleSignals: true, preset: runnerPreset });

  ({ id: connectionId, organisationId } = await createSyncConnection(db, {
    connectorId: "bamboohr",
    displayName: "Acme BambooHR",
  }));
  webhookUrl = `${api.url}/webhooks/bamboohr/${connectionId}`;
  privateKey = sim.createWebhook({ url: webhookUrl, events: ["employee.updated"] }).privateKey;
  const credentials = { companyDomain: sim.companyDomain, apiKey: sim.apiKey, baseUrl: sim.url, webhookPrivateKey: privateKey };
  await db
    .updateTable("connections")
    .set({ credentials_encrypted: encryptJson(credentials, encryptionKey, connectionId) })
    .where("id", "=", connectionId)
    .execute();
  // The first sync reads everything, as a new connection's does.
  await db.transaction().execute(async (trx) => {
    await sql`select graphile_worker.add_job('sync_connection', json_build_object('connectionId', ${connectionId}::text, 'trigger', 'initial'))`.execute(
      trx,
    );
  });
  await runJobs();
});
afterAll(async () => {
  await sim?.close();
  await api?.close();
});

const db = () => api.database.db;
const pending = async () =>
  (
    await db()
      .selectFrom("pending_record_syncs")
      .select(["stream", "remote_id"])
      .where("connection_id", "=", connectionId)
      .orderBy("remote_id")
      .execute()
  ).map((row) => `${row.stream}:${row.remote_id}`);
const recordJobs = async () => {
  const { rows } = await sql<{ id: string; run_at: Date }>`
    select id, run_at from graphile_worker.jobs where task_identifier = 'sync_records'`.execute(db());
  return rows;
};
/** Makes the waiting records job due now (it waits a few seconds for a burst to gather), then runs due jobs. */
async function runRecordJobsNow() {
  await sql`select graphile_worker.reschedule_jobs(
    array(select id from graphile_worker.jobs where task_identifier = 'sync_records'), run_at := now())`.execute(db());
  await runJobs();
}
const runs = () =>
  db()
    .selectFrom("sync_runs")
    .select(["id", "mode", "status", "records", "trigger", "counts"])
    .where("connection_id", "=", connectionId)
    .orderBy("started_at")
    .execute();
const storedFirstName = async (remoteId: string) =>
  (
    await db()
      .selectFrom("employees")
      .select("first_name")
      .where("connection_id", "=", connectionId)
      .where("remote_id", "=", remoteId)
      .executeTakeFirstOrThrow()
  ).first_name;
const deliveriesStored = async () =>
  Number(
    (
      await db()
        .selectFrom("webhook_deliveries")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("connection_id", "=", connectionId)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** The ids of `count` current employees (past the awkward fixed cases), which the first sync stored. */
function someEmployees(count: number): string[] {
  return sim.truth().directoryIds.slice(12, 12 + count);
}

describe("BambooHR webhooks → records sync", () => {
  it("re-reads exactly the employee a signed webhook names, and nothing else", async () => {
    // Tried: the first sync stored everyone; then one employee is renamed at BambooHR, whose
    // webhook reaches the API. Must hold: 202, one pending record and one sync_records job; the
    // job runs one records-mode run of that id alone, the stored name changes, the pending set
    // empties, and the simulator served no whole-company read for it.
    expect((await runs()).map((r) => r.status)).toEqual(["succeeded"]);
    const [employeeId] = someEmployees(1) as [string];
    const before = await storedFirstName(employeeId);
    sim.updateEmployee(Number(employeeId), { firstName: "Webhookfirst" });
    await sim.webhooksSettled();
    const delivery = sim.webhookDeliveries().at(-1);
    expect(delivery).toMatchObject({ employeeId, delivered: true, statuses: [202] });
    expect(await pending()).toEqual([`employees:${employeeId}`]);
    expect(await recordJobs()).toHaveLength(1);

    sim.clearRequestLog();
    await runRecordJobsNow();
    const last = (await runs()).at(-1);
    expect(last).toMatchObject({ mode: "records", status: "succeeded", trigger: "webhook" });
    expect(last?.records).toEqual({ stream: "employees", remoteIds: [employeeId] });
    expect(await storedFirstName(employeeId)).toBe("Webhookfirst");
    expect(before).not.toBe("Webhookfirst");
    expect(await pending()).toEqual([]);
    expect(await recordJobs()).toHaveLength(0);
    const routes = Object.keys(sim.requestLog().byRoute);
    expect(routes.some((route) => route.includes("directory"))).toBe(false);
  });

  it("shows the owner the webhook URL the deliveries are accepted at", async () => {
    // Tried: the dashboard's view of the connection, with the API's public URL set to where it
    // listens. Must hold: its webhookUrl is the URL the simulator delivered to (accepted above);
    // a connector without webhooks (Zenefits) shows none.
    const view = await connectionView({ ...api.deps, apiPublicUrl: api.url }, organisationId, connectionId);
    expect(view.webhookUrl).toBe(webhookUrl);
    expect(sim.webhookDeliveries().some((d) => d.url === view.webhookUrl && d.delivered)).toBe(true);
    const zenefits = await db()
      .insertInto("connections")
      .values({ organisation_id: organisationId, connector_id: "zenefits", display_name: "Zen", credentials_encrypted: "unused" })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect((await connectionView(api.deps, organisationId, zenefits.id)).webhookUrl).toBeNull();
    await db().deleteFrom("connections").where("id", "=", zenefits.id).execute();
  });

  it("coalesces a burst of webhooks into one run of the union of their ids", async () => {
    // Tried: three employees changed one after another, each with its own delivery (one of
    // them twice). Must hold: one waiting job, one records run whose ids are the three.
    const ids = someEmployees(4).slice(1);
    const runsBefore = (await runs()).length;
    for (const [index, id] of ids.entries()) sim.updateEmployee(Number(id), { firstName: `Burst${index}` });
    sim.updateEmployee(Number(ids[0]), { lastName: "Burstlast" });
    await sim.webhooksSettled();
    expect(await recordJobs()).toHaveLength(1);
    expect(await pending()).toEqual(ids.map((id) => `employees:${id}`).sort());

    await runRecordJobsNow();
    const after = await runs();
    expect(after).toHaveLength(runsBefore + 1);
    const records = after.at(-1)?.records as { stream: string; remoteIds: string[] };
    expect(records.stream).toBe("employees");
    expect([...records.remoteIds].sort()).toEqual([...ids].sort());
    for (const [index, id] of ids.entries()) expect(await storedFirstName(id)).toBe(`Burst${index}`);
    expect(await pending()).toEqual([]);
  });

  it("refuses a forged signature and a replayed delivery with 401 and 409, storing and queueing nothing", async () => {
    // Tried: a delivery signed with another key, one with no signature, and a byte-for-byte
    // replay of a delivery already accepted (signed by the real key, still fresh). Must hold:
    // 401, 401, 409; no delivery row, no pending record and no job added by any of them.
    const [employeeId] = someEmployees(6).slice(5) as [string];
    const body = JSON.stringify({
      type: "employee.updated",
      timestamp: new Date().toISOString(),
      data: { companyId: 1, employeeId, changedFields: ["firstName"] },
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const deliveriesBefore = await deliveriesStored();
    const post = (headers: Record<string, string>, payload = body) =>
      fetch(webhookUrl, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: payload });

    const forged = await post({
      "x-bamboohr-timestamp": timestamp,
      "x-bamboohr-signature": signBambooHr("not-the-private-key", body, timestamp),
    });
    expect(forged.status).toBe(401);
    expect(((await forged.json()) as { message: string }).message).toMatch(/forged or altered/);
    expect((await post({})).status).toBe(401);

    const accepted = sim.webhookDeliveries().find((d) => d.delivered);
    if (!accepted) throw new Error("no accepted delivery to replay");
    const replayAt = String(accepted.timestamps.at(-1));
    const replay = await post(
      { "x-bamboohr-timestamp": replayAt, "x-bamboohr-signature": signBambooHr(privateKey, accepted.body, replayAt) },
      accepted.body,
    );
    expect(replay.status).toBe(409);

    expect(await deliveriesStored()).toBe(deliveriesBefore);
    expect(await pending()).toEqual([]);
    expect(await recordJobs()).toHaveLength(0);
  });

  it("answers 401 for a connection of another connector and 404 without a connection id", async () => {
    // Tried: the BambooHR path with the id of a Zenefits connection, and the bare path.
    // Must hold: 401 (the id cannot be probed) and 404; nothing stored.
    const other = await createSyncConnection(db(), { connectorId: "zenefits", displayName: "Zen" });
    const body = JSON.stringify({ type: "employee.updated", data: { employeeId: "4" } });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const headers = { "x-bamboohr-timestamp": timestamp, "x-bamboohr-signature": signBambooHr(privateKey, body, timestamp) };
    const wrong = await fetch(`${api.url}/webhooks/bamboohr/${other.id}`, { method: "POST", headers, body });
    expect(wrong.status).toBe(401);
    expect((await fetch(`${api.url}/webhooks/bamboohr`, { method: "POST", headers, body })).status).toBe(404);
    expect(await recordJobs()).toHaveLength(0);
  });

  it("refuses a BambooHR connection's own signed delivery on the Lever path: one connector's route never serves another's", async () => {
    // Tried: POST /webhooks/lever/<this BambooHR connection's id> with a delivery BambooHR signed
    // correctly for it. Must hold: 401 as for an unknown connection; no delivery row, no job.
    const deliveriesBefore = await deliveriesStored();
    const body = JSON.stringify({ type: "employee.updated", data: { employeeId: "5" } });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const headers = { "x-bamboohr-timestamp": timestamp, "x-bamboohr-signature": signBambooHr(privateKey, body, timestamp) };
    const onLever = await fetch(`${api.url}/webhooks/lever/${connectionId}`, { method: "POST", headers, body });
    expect(onLever.status).toBe(401);
    expect(((await onLever.json()) as { message: string }).message).toBe("Unknown connection or invalid signature");
    expect(await deliveriesStored()).toBe(deliveriesBefore);
    expect(await recordJobs()).toHaveLength(0);
  });
});
