import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { sql } from "@roster/db";
import { createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { type MailCatcher, startMailCatcher } from "@roster/email";
import { encryptJson, generateEncryptionKey } from "@roster/secrets";
import { startZenefitsSim, type ZenefitsSim } from "@roster/sim-zenefits";
import { runMigrations } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestSyncNow } from "../src/index";
import { createConnection, createOrganisation } from "./helpers/fixtures";

// SIGKILL the real worker process in the middle of a sync; a second worker must resume the
// same run from its checkpoints. Nothing lost, nothing doubled, counts exact.
const root = fileURLToPath(new URL("../../..", import.meta.url));
const tsx = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));
const PEOPLE = 2500;
const key = generateEncryptionKey();

let testDb: TestDatabase;
let sim: ZenefitsSim;
let catcher: MailCatcher;
const workers: ChildProcess[] = [];
let output = "";

beforeAll(async () => {
  testDb = await createTestDatabase();
  await runMigrations({ connectionString: testDb.url });
  sim = await startZenefitsSim({ port: 0, people: PEOPLE, seed: 21 });
  catcher = await startMailCatcher({ port: 0 });
});
afterAll(async () => {
  for (const w of workers) {
    try {
      if (w.pid) process.kill(-w.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  await catcher?.stop();
  await sim?.close();
  await testDb?.drop();
});

function startWorker(): ChildProcess {
  // Its own process group, so SIGKILL reaches tsx's node child too: a real crash of everything.
  const child = spawn(tsx, ["apps/worker/src/main.ts"], {
    cwd: root,
    detached: true,
    env: {
      ...process.env,
      DATABASE_URL: testDb.url,
      ENCRYPTION_KEY: key,
      SMTP_URL: catcher.smtpUrl,
      SANDBOX: "false",
      LOG_LEVEL: "warn",
      NODE_ENV: "test",
      WORKER_HEARTBEAT_SECONDS: "0.5",
      WORKER_STALE_SECONDS: "2",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  workers.push(child);
  return child;
}

async function waitUntil<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  const { rows: jobs } =
    await sql`select task_identifier, attempts, last_error, locked_by, run_at from graphile_worker.jobs`.execute(testDb.db);
  throw new Error(`timed out waiting for ${what}; jobs: ${JSON.stringify(jobs)}; worker output:\n${output}`);
}

describe("a worker killed mid-sync", () => {
  it("loses nothing: the next worker resumes the run from its checkpoint with exact counts", { timeout: 180_000 }, async () => {
    const organisationId = await createOrganisation(testDb.db, { owners: ["owner@acme.test"] });
    const id = await createConnection(testDb.db, organisationId, { credentials_encrypted: "pending", next_sync_at: null });
    const token = sim.createToken();
    await testDb.db
      .updateTable("connections")
      .set({ credentials_encrypted: encryptJson({ accessToken: token, baseUrl: sim.url }, key, id) })
      .where("id", "=", id)
      .execute();
    // Slow pages so the kill lands mid-stream.
    sim.setFaults({ latencyMs: 25 });
    const first = startWorker();
    await requestSyncNow(testDb.db, id, "initial");

    const run = await waitUntil(
      "the people stream to be part-way",
      async () => {
        const r = await testDb.db.selectFrom("sync_runs").selectAll().where("connection_id", "=", id).executeTakeFirst();
        const read = r?.counts.people?.read ?? 0;
        return read > 0 && read < PEOPLE ? r : undefined;
      },
      60_000,
    );
    process.kill(-first.pid!, "SIGKILL");
    await new Promise((r) => first.once("exit", r));
    const atKill = await testDb.db.selectFrom("sync_runs").selectAll().where("id", "=", run.id).executeTakeFirstOrThrow();
    expect(atKill.status).toBe("running");
    const committedBefore = atKill.counts.people?.read ?? 0;
    expect(committedBefore).toBeGreaterThan(0);

    sim.setFaults({ latencyMs: 0 });
    startWorker();
    const finished = await waitUntil(
      "the resumed run to finish",
      async () => {
        const r = await testDb.db.selectFrom("sync_runs").selectAll().where("id", "=", run.id).executeTakeFirstOrThrow();
        return r.status === "running" ? undefined : r;
      },
      90_000,
    );
    expect(finished.status).toBe("succeeded");
    expect(finished.attempts, "the same run was continued, not restarted").toBe(2);
    expect(finished.counts.people?.read, "each person counted once across both workers").toBe(PEOPLE);
    expect(finished.counts.people?.created).toBe(PEOPLE);
    const runs = await testDb.db.selectFrom("sync_runs").select("id").where("connection_id", "=", id).execute();
    expect(runs).toHaveLength(1);
    const { n, distinct } = await testDb.db
      .selectFrom("employees")
      .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.count<number>("remote_id").distinct().as("distinct")])
      .where("connection_id", "=", id)
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(PEOPLE);
    expect(Number(distinct)).toBe(PEOPLE);
    const truthIds = new Set(sim.truth().people.map((p) => p.id));
    const stored = await testDb.db.selectFrom("employees").select("remote_id").where("connection_id", "=", id).execute();
    expect(stored.every((s) => truthIds.has(s.remote_id))).toBe(true);
  });
});
