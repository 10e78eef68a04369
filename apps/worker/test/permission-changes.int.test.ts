import { requestSyncNow } from "@roster/connection-policy";
import { sql } from "@roster/db";
import { createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { type CaughtEmail, createTransport, type MailCatcher, startMailCatcher } from "@roster/email";
import { createLogger } from "@roster/logger";
import { encryptJson, generateEncryptionKey } from "@roster/secrets";
import { ALL_SCOPES, startZenefitsSim, type ZenefitsSim } from "@roster/sim-zenefits";
import { runMigrations, runOnce } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runnerPreset } from "../src/runner-preset";
import { createSyncEngine } from "../src/sync-engine";
import { createTaskList } from "../src/task-list";
import { connectionRow, createConnection, createOrganisation } from "./helpers/fixtures";
import { testConfig } from "./helpers/harness";

// A token that loses permissions mid-life, through the real worker: the real sync engine
// against the Zenefits simulator over HTTP, the real policy, a real SMTP server.
let testDb: TestDatabase;
let sim: ZenefitsSim;
let catcher: MailCatcher;
let runJobs: () => Promise<void>;
const key = generateEncryptionKey();

beforeAll(async () => {
  testDb = await createTestDatabase();
  await runMigrations({ connectionString: testDb.url });
  sim = await startZenefitsSim({ port: 0, people: 300, seed: 5 });
  catcher = await startMailCatcher({ port: 0 });
  const taskList = createTaskList({
    db: testDb.db,
    config: testConfig,
    log: createLogger("permissions-test", { level: "silent" }),
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

const DROPPED = ["people.manager", "people.work_phone", "people.personal_email", "people.work_email"];

/** What the directory would lose if a lost permission erased: the fields those scopes feed. */
async function guardedFields(connectionId: string) {
  const { rows } = await sql<{
    remote_id: string;
    manager_id: string | null;
    manager_remote_id: string | null;
    work_phone: string | null;
    personal_email: string | null;
    work_email: string | null;
  }>`select remote_id, manager_id, manager_remote_id, work_phone, personal_email, work_email
     from employees where connection_id = ${connectionId} order by remote_id`.execute(testDb.db);
  return rows;
}

async function syncNow(connectionId: string) {
  await requestSyncNow(testDb.db, connectionId, "manual");
  await runJobs();
  return testDb.db
    .selectFrom("sync_runs")
    .selectAll()
    .where("connection_id", "=", connectionId)
    .orderBy("started_at", "desc")
    .executeTakeFirstOrThrow();
}

const staleRows = (connectionId: string) =>
  testDb.db
    .selectFrom("connection_stale_fields")
    .selectAll()
    .where("connection_id", "=", connectionId)
    .orderBy("field")
    .execute();

const mails = (subject: string) => catcher.messages().filter((m: CaughtEmail) => m.subject.startsWith(subject));

describe("a token that loses permissions", () => {
  it("erases nothing, lists what stopped updating, emails once, and is current again when restored", async () => {
    const organisationId = await createOrganisation(testDb.db, { owners: ["owner@acme.test"], admins: ["admin@acme.test"] });
    const token = sim.createToken();
    const id = await createConnection(testDb.db, organisationId, { display_name: "Acme Zenefits" });
    await testDb.db
      .updateTable("connections")
      .set({ credentials_encrypted: encryptJson({ accessToken: token, baseUrl: sim.url }, key, id) })
      .where("id", "=", id)
      .execute();

    // Tried: a first sync with every permission. Must hold: managers linked, no stale field.
    expect((await syncNow(id)).status).toBe("succeeded");
    const before = await guardedFields(id);
    expect(before.filter((p) => p.manager_id !== null).length).toBeGreaterThan(200);
    expect(await staleRows(id)).toEqual([]);

    // Tried: an admin unticks Manager, Work phone, Personal email and Work email on the very same
    // token in Zenefits, and six people change title, work email or department meanwhile.
    sim.setTokenScopes(
      token,
      ALL_SCOPES.filter((s) => !DROPPED.includes(s)),
    );
    const changed = sim.mutate({ change: 6 }).changed;
    const run = await syncNow(id);

    // Must hold: the run succeeds but says what it could not keep current; every stored manager
    // link, phone and email is exactly as before (nothing nulled); the connection lists the four
    // fields as lost since this run; one email to the notification address and the owner.
    expect(run.status).toBe("succeeded");
    expect(await guardedFields(id)).toEqual(before);
    const stale = await staleRows(id);
    expect(stale.map((s) => [s.field, s.permission, s.lost, s.since_run_id])).toEqual([
      ["managerRemoteId", "people.manager", true, run.id],
      ["personalEmail", "people.personal_email", true, run.id],
      ["workEmail", "people.work_email", true, run.id],
      ["workPhone", "people.work_phone", true, run.id],
    ]);
    expect(run.stale?.map((s) => s.label).sort()).toEqual(["Manager", "Personal email", "Work email", "Work phone"]);
    expect(run.permission_change?.lost).toHaveLength(4);
    const lost = await catcher.waitFor((m) => m.subject.startsWith("Permissions removed"));
    expect(lost.subject).toBe("Permissions removed: Acme Zenefits");
    expect([...lost.to].sort()).toEqual(["alerts@acme.test", "owner@acme.test"]);
    expect(lost.text).toContain("Manager: Manager");
    expect(lost.text).toContain(`${testConfig.PUBLIC_URL}/connections/${id}`);
    // Granted fields of the changed people did move (titles, departments).
    const titles = await testDb.db
      .selectFrom("employees")
      .select(["remote_id", "job_title", "department_remote_id"])
      .where("connection_id", "=", id)
      .where("remote_id", "in", changed)
      .execute();
    const truth = new Map(sim.truth().people.map((p) => [p.id, p]));
    for (const row of titles) expect(row.job_title).toBe(truth.get(row.remote_id)?.title);

    // Tried: the next scheduled sync with the same reduced token. Must hold: no second email,
    // the fields still listed since the first run that lacked them.
    const again = await syncNow(id);
    expect(again.status).toBe("succeeded");
    expect(again.permission_change).toBeNull();
    expect((await staleRows(id)).map((s) => s.since_run_id)).toEqual([run.id, run.id, run.id, run.id]);
    expect(mails("Permissions removed")).toHaveLength(1);

    // Tried: the permissions ticked again. Must hold: nothing listed any more, the work emails
    // changed meanwhile are now stored, one "restored" email.
    sim.setTokenScopes(token, [...ALL_SCOPES]);
    const restored = await syncNow(id);
    expect(restored.status).toBe("succeeded");
    expect(await staleRows(id)).toEqual([]);
    expect(restored.permission_change?.restored).toHaveLength(4);
    const emails = new Map(sim.truth().people.map((p) => [p.id, p.work_email]));
    for (const row of await guardedFields(id)) expect(row.work_email).toBe(emails.get(row.remote_id) ?? null);
    await catcher.waitFor((m) => m.subject.startsWith("Permissions restored"));
    expect(mails("Permissions restored")).toHaveLength(1);
    expect(mails("Permissions removed")).toHaveLength(1);

    // Tried: the token revoked. Must hold: the run fails as invalid_credentials and the stored
    // permissions are marked unknown (the checklist shows no green tick), data untouched.
    sim.revokeToken(token);
    const revoked = await syncNow(id);
    expect(revoked).toMatchObject({ status: "failed", error_kind: "invalid_credentials" });
    const row = await connectionRow(testDb.db, id);
    expect(row.permissions?.unknownSince).toBeTruthy();
    expect(row.permissions?.unknownReason).toMatch(/rejected/i);
    expect((await guardedFields(id)).length).toBe(before.length);
  });
});
