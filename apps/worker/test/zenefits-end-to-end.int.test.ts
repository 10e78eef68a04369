import { enableConnection } from "@roster/connection-policy";
import { createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { addJobsInTransaction, type CaughtEmail, createTransport, type MailCatcher, startMailCatcher } from "@roster/email";
import { createLogger } from "@roster/logger";
import { encryptJson, generateEncryptionKey } from "@roster/secrets";
import { startZenefitsSim, type ZenefitsSim } from "@roster/sim-zenefits";
import { runMigrations, runOnce } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runnerPreset } from "../src/runner-preset";
import { createSyncEngine } from "../src/sync-engine";
import { createTaskList } from "../src/task-list";
import { connectionRow, createConnection, createOrganisation, expectNear, inHours, makeDue } from "./helpers/fixtures";
import { testConfig } from "./helpers/harness";

// The failure policy with the REAL sync engine against the Zenefits simulator over HTTP,
// a real SMTP server and the real graphile-worker runner. Time moves by moving next_sync_at.
let testDb: TestDatabase;
let sim: ZenefitsSim;
let catcher: MailCatcher;
const key = generateEncryptionKey();
let runJobs: () => Promise<void>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await runMigrations({ connectionString: testDb.url });
  sim = await startZenefitsSim({ port: 0, people: 150, seed: 11 });
  catcher = await startMailCatcher({ port: 0 });
  const log = createLogger("e2e", { level: "silent" });
  const taskList = createTaskList({
    db: testDb.db,
    config: testConfig,
    log,
    syncConnection: createSyncEngine(testDb.db, key),
    mailer: createTransport(catcher.smtpUrl),
    clock: () => new Date(),
  });
  runJobs = () => runOnce({ connectionString: testDb.url, taskList, noHandleSignals: true, preset: runnerPreset });
});
afterAll(async () => {
  await catcher?.stop();
  await sim?.close();
  await testDb?.drop();
});

const scheduler = async () => {
  await addJobsInTransaction(testDb.db, [{ identifier: "schedule_due", payload: {} }]);
  await runJobs();
};
const people = async () =>
  Number(
    (
      await testDb.db
        .selectFrom("employees")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );
const lastRun = (connectionId: string) =>
  testDb.db
    .selectFrom("sync_runs")
    .selectAll()
    .where("connection_id", "=", connectionId)
    .orderBy("started_at", "desc")
    .executeTakeFirstOrThrow();
const subjects = (prefix: string) => catcher.messages().filter((m: CaughtEmail) => m.subject.startsWith(prefix));

describe("Zenefits through the worker", () => {
  it("syncs, fails on a revoked token with one email, retries hourly, disables, and recovers with a fresh token", async () => {
    const organisationId = await createOrganisation(testDb.db, { owners: ["owner@acme.test"] });
    const token = sim.createToken();
    const id = await createConnection(testDb.db, organisationId, {
      display_name: "Acme Zenefits",
      credentials_encrypted: "pending",
    });
    await testDb.db
      .updateTable("connections")
      .set({ credentials_encrypted: encryptJson({ accessToken: token, baseUrl: sim.url }, key, id) })
      .where("id", "=", id)
      .execute();

    // First sync: the whole directory arrives, next sync in 24 h.
    await scheduler();
    expect((await lastRun(id)).status).toBe("succeeded");
    expect(await people()).toBe(sim.truth().people.length);
    expectNear((await connectionRow(testDb.db, id)).next_sync_at, inHours(24));

    // The token is revoked at Zenefits. Must hold: a failed run with invalid_credentials, one
    // email to the notification address and the owner, a retry in an hour, data intact.
    sim.revokeToken(token);
    for (let failure = 1; failure <= 3; failure++) {
      await makeDue(testDb.db, id);
      await scheduler();
      const run = await lastRun(id);
      expect(run).toMatchObject({ status: "failed", error_kind: "invalid_credentials" });
      const row = await connectionRow(testDb.db, id);
      expect(row.consecutive_failures).toBe(failure);
      if (failure < 3) expectNear(row.next_sync_at, inHours(1));
      expect(await people()).toBe(sim.truth().people.length);
    }
    const row = await connectionRow(testDb.db, id);
    expect(row.status).toBe("disabled");
    await catcher.waitFor((m) => m.subject.startsWith("Connection disabled") || /disabled/i.test(m.subject));
    const failed = subjects("Sync failed");
    expect(failed).toHaveLength(1);
    expect([...failed[0]!.to].sort()).toEqual(["alerts@acme.test", "owner@acme.test"]);

    // Disabled means no more scheduled syncs.
    await makeDue(testDb.db, id);
    const runsBefore = await testDb.db.selectFrom("sync_runs").select("id").where("connection_id", "=", id).execute();
    await scheduler();
    expect(await testDb.db.selectFrom("sync_runs").select("id").where("connection_id", "=", id).execute()).toHaveLength(
      runsBefore.length,
    );

    // The owner pastes a fresh token and re-enables: syncs at once, counter reset, "restored" email.
    const fresh = sim.createToken();
    await testDb.db
      .updateTable("connections")
      .set({ credentials_encrypted: encryptJson({ accessToken: fresh, baseUrl: sim.url }, key, id) })
      .where("id", "=", id)
      .execute();
    await enableConnection(testDb.db, id);
    await runJobs();
    expect((await lastRun(id)).status).toBe("succeeded");
    expect(await connectionRow(testDb.db, id)).toMatchObject({ status: "active", consecutive_failures: 0 });
    await catcher.waitFor((m) => /restored/i.test(m.subject));
  });
});
