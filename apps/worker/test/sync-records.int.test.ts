import { queueRecordSync } from "@roster/connection-policy";
import { sql } from "@roster/db";
import { createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { createLogger } from "@roster/logger";
import { runMigrations, runOnce } from "graphile-worker";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SyncAlreadyRunningError, type SyncConnection } from "../src/deps";
import { runnerPreset } from "../src/runner-preset";
import { createTaskList } from "../src/task-list";
import { createConnection, createOrganisation } from "./helpers/fixtures";
import { testConfig } from "./helpers/harness";

// The sync_records task with a stand-in engine that records what it was asked to re-read and
// does what each test tells it, on the real graphile-worker runner and a real database.
type Step = "succeed" | "fail" | "busy" | { during: () => Promise<unknown> };
let testDb: TestDatabase;
let runJobs: () => Promise<void>;
let steps: Step[] = [];
let calls: Array<{ connectionId: string; trigger: string; records?: { stream: string; remoteIds: string[] } }> = [];
let organisationId: string;

const engine: SyncConnection = async ({ connectionId, trigger, records }) => {
  calls.push({ connectionId, trigger, ...(records ? { records } : {}) });
  const step = steps.shift() ?? "succeed";
  if (step === "busy") throw new SyncAlreadyRunningError("a sync of this connection is running");
  if (typeof step === "object") await step.during();
  return {
    runId: crypto.randomUUID(),
    status: step === "fail" ? "failed" : "succeeded",
    ...(step === "fail" ? { errorKind: "unreachable", errorMessage: "the provider did not answer" } : {}),
  };
};

beforeAll(async () => {
  testDb = await createTestDatabase();
  await runMigrations({ connectionString: testDb.url });
  const taskList = createTaskList({
    db: testDb.db,
    config: testConfig,
    log: createLogger("worker-test", { level: "silent" }),
    syncConnection: engine,
    mailer: null,
    clock: () => new Date(),
  });
  runJobs = () => runOnce({ connectionString: testDb.url, taskList, noHandleSignals: true, preset: runnerPreset });
  organisationId = await createOrganisation(testDb.db);
});
afterAll(async () => {
  await testDb?.drop();
});
beforeEach(() => {
  steps = [];
  calls = [];
});

const newConnection = () => createConnection(testDb.db, organisationId, { connector_id: "bamboohr", next_sync_at: null });
const pending = async (connectionId: string) =>
  (
    await testDb.db
      .selectFrom("pending_record_syncs")
      .select(["stream", "remote_id"])
      .where("connection_id", "=", connectionId)
      .orderBy("stream")
      .orderBy("remote_id")
      .execute()
  ).map((r) => `${r.stream}:${r.remote_id}`);
const jobsOf = async (connectionId: string) => {
  const { rows } = await sql<{ id: string; run_at: Date; attempts: number; last_error: string | null }>`
    select id, run_at, attempts, last_error from graphile_worker.jobs where key = ${`sync-records:${connectionId}`}`.execute(
    testDb.db,
  );
  return rows;
};
/** The connection's waiting job made due now (it waits for a burst, or backs off after a failure), then run. */
async function runDue(connectionId: string) {
  await sql`select graphile_worker.reschedule_jobs(
    array(select id from graphile_worker.jobs where key = ${`sync-records:${connectionId}`}), run_at := now())`.execute(
    testDb.db,
  );
  await runJobs();
}

describe("sync_records", () => {
  it("re-reads each stream's queued ids in one run, then forgets them", async () => {
    // Tried: ids of two streams queued by three webhooks. Must hold: one job; two records runs
    // (one per stream, each the union of its ids); nothing pending and no job afterwards.
    const id = await newConnection();
    await queueRecordSync(testDb.db, { connectionId: id, stream: "employees", remoteIds: ["4", "5"] });
    await queueRecordSync(testDb.db, { connectionId: id, stream: "employees", remoteIds: ["5", "6"] });
    await queueRecordSync(testDb.db, { connectionId: id, stream: "departments", remoteIds: ["d1"] });
    expect(await jobsOf(id)).toHaveLength(1);
    await runDue(id);
    expect(calls.map((c) => ({ ...c.records, remoteIds: [...(c.records?.remoteIds ?? [])].sort() }))).toEqual([
      { stream: "departments", remoteIds: ["d1"] },
      { stream: "employees", remoteIds: ["4", "5", "6"] },
    ]);
    expect(calls.every((c) => c.trigger === "webhook")).toBe(true);
    expect(await pending(id)).toEqual([]);
    expect(await jobsOf(id)).toHaveLength(0);
  });

  it("keeps the ids of a failed run pending and fails the job, so graphile retries it", async () => {
    // Tried: the first run fails, the retry succeeds. Must hold: after the failure the id is still
    // pending and the job has one failed attempt; after the retry nothing is pending.
    const id = await newConnection();
    await queueRecordSync(testDb.db, { connectionId: id, stream: "employees", remoteIds: ["7"] });
    steps = ["fail"];
    await runDue(id);
    expect(await pending(id)).toEqual(["employees:7"]);
    const [job] = await jobsOf(id);
    expect(job?.attempts).toBe(1);
    expect(job?.last_error).toMatch(/unreachable/);
    await runDue(id);
    expect(calls).toHaveLength(2);
    expect(await pending(id)).toEqual([]);
  });

  it("waits behind a running sync of the connection without losing the ids", async () => {
    // Tried: the engine reports the connection busy. Must hold: the job ends, another waits under
    // the same key, later; the id is still pending; that job then re-reads it.
    const id = await newConnection();
    await queueRecordSync(testDb.db, { connectionId: id, stream: "employees", remoteIds: ["8"] });
    steps = ["busy"];
    await runDue(id);
    const [waiting] = await jobsOf(id);
    expect(waiting?.attempts).toBe(0);
    expect(waiting!.run_at.getTime()).toBeGreaterThan(Date.now());
    expect(await pending(id)).toEqual(["employees:8"]);
    await runDue(id);
    expect(calls.map((c) => c.records?.remoteIds)).toEqual([["8"], ["8"]]);
    expect(await pending(id)).toEqual([]);
  });

  it("leaves an id queued again during its run for the next run", async () => {
    // Tried: while the run re-reads 9, a webhook queues 9 again (a change the read may have missed)
    // and 10. Must hold: both stay pending with a job waiting; the next run re-reads both.
    const id = await newConnection();
    await queueRecordSync(testDb.db, { connectionId: id, stream: "employees", remoteIds: ["9"] });
    steps = [{ during: () => queueRecordSync(testDb.db, { connectionId: id, stream: "employees", remoteIds: ["9", "10"] }) }];
    await runDue(id);
    expect(await pending(id)).toEqual(["employees:10", "employees:9"]);
    expect(await jobsOf(id)).toHaveLength(1);
    await runDue(id);
    expect([...(calls[1]?.records?.remoteIds ?? [])].sort()).toEqual(["10", "9"]);
    expect(await pending(id)).toEqual([]);
  });

  it("drops the pending ids of a disabled connection without a run, and forgets old delivery ids", async () => {
    // Tried: a disabled connection with an id pending; an active one with a delivery id received two
    // days ago and one received now. Must hold: no run and nothing pending for the disabled one; the
    // old delivery id is gone, the recent one kept (it still refuses a replay).
    const disabled = await newConnection();
    await queueRecordSync(testDb.db, { connectionId: disabled, stream: "employees", remoteIds: ["11"] });
    await testDb.db.updateTable("connections").set({ status: "disabled" }).where("id", "=", disabled).execute();
    await runDue(disabled);
    expect(calls).toEqual([]);
    expect(await pending(disabled)).toEqual([]);

    const active = await newConnection();
    const delivery = (deliveryId: string, receivedAt: Date) => ({
      connection_id: active,
      provider: "bamboohr",
      delivery_id: deliveryId,
      event: "employee.updated",
      remote_id: "12",
      triggered_at: receivedAt,
      received_at: receivedAt,
    });
    await testDb.db
      .insertInto("webhook_deliveries")
      .values([delivery("old", new Date(Date.now() - 48 * 3_600_000)), delivery("recent", new Date())])
      .execute();
    await queueRecordSync(testDb.db, { connectionId: active, stream: "employees", remoteIds: ["12"] });
    await runDue(active);
    const kept = await testDb.db
      .selectFrom("webhook_deliveries")
      .select("delivery_id")
      .where("connection_id", "=", active)
      .execute();
    expect(kept.map((r) => r.delivery_id)).toEqual(["recent"]);
  });
});
