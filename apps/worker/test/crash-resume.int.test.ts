import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { requestSyncNow } from "@roster/connection-policy";
import { sql } from "@roster/db";
import { createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { type MailCatcher, startMailCatcher } from "@roster/email";
import { encryptJson, generateEncryptionKey } from "@roster/secrets";
import { startZenefitsSim, type ZenefitsSim } from "@roster/sim-zenefits";
import { runMigrations } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConnection, createOrganisation } from "./helpers/fixtures";

// SIGKILL the real worker process at random points of a sync, several times; each new worker
// must resume the same run from its checkpoints. Nothing lost, nothing doubled, counts exact.
// ROSTER_LONG_CHAOS=1 runs the long version (20,000 people, five kills) of the reliability suite.
const root = fileURLToPath(new URL("../../..", import.meta.url));
const tsx = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));
const LONG = process.env.ROSTER_LONG_CHAOS === "1";
const PEOPLE = LONG ? 20_000 : 6000;
const KILLS = LONG ? 5 : 3;
/** Seeded, so a failing kill pattern can be replayed. */
let seed = Number(process.env.ROSTER_CHAOS_SEED ?? 7);
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
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
  it(`loses nothing across ${KILLS} kills: each next worker resumes the run from its checkpoint with exact counts`, {
    timeout: 600_000,
  }, async () => {
    const organisationId = await createOrganisation(testDb.db, { owners: ["owner@acme.test"] });
    const id = await createConnection(testDb.db, organisationId, { credentials_encrypted: "pending", next_sync_at: null });
    const token = sim.createToken();
    await testDb.db
      .updateTable("connections")
      .set({ credentials_encrypted: encryptJson({ accessToken: token, baseUrl: sim.url }, key, id) })
      .where("id", "=", id)
      .execute();
    // Slow pages so each kill lands mid-stream.
    sim.setFaults({ latencyMs: LONG ? 10 : 20 });
    await requestSyncNow(testDb.db, id, "initial");
    let runId: string | undefined;
    let lastRead = 0;
    for (let kill = 1; kill <= KILLS; kill++) {
      const worker = startWorker();
      // A random moment after this worker has committed more of the people stream.
      const run = await waitUntil(
        `progress past ${lastRead} people before kill ${kill}`,
        async () => {
          const r = await testDb.db.selectFrom("sync_runs").selectAll().where("connection_id", "=", id).executeTakeFirst();
          const read = r?.counts.people?.read ?? 0;
          return read > lastRead && read < PEOPLE ? r : undefined;
        },
        120_000,
      );
      await new Promise((r) => setTimeout(r, Math.floor(random() * 300)));
      runId = run.id;
      process.kill(-worker.pid!, "SIGKILL");
      await new Promise((r) => worker.once("exit", r));
      const atKill = await testDb.db.selectFrom("sync_runs").selectAll().where("id", "=", run.id).executeTakeFirstOrThrow();
      expect(atKill.status, `kill ${kill} left the run resumable`).toBe("running");
      expect(atKill.counts.people?.read ?? 0).toBeGreaterThanOrEqual(lastRead);
      lastRead = atKill.counts.people?.read ?? 0;
    }

    sim.setFaults({ latencyMs: 0 });
    startWorker();
    const finished = await waitUntil(
      "the resumed run to finish",
      async () => {
        const r = await testDb.db.selectFrom("sync_runs").selectAll().where("id", "=", runId!).executeTakeFirstOrThrow();
        return r.status === "running" ? undefined : r;
      },
      180_000,
    );
    expect(finished.status).toBe("succeeded");
    expect(finished.attempts, "the same run was continued after every kill, never restarted").toBe(KILLS + 1);
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
