import os from "node:os";
import { sql } from "@roster/db";
import { createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { type MailCatcher, startMailCatcher } from "@roster/email";
import { encryptJson, generateEncryptionKey } from "@roster/secrets";
import { startZenefitsSim, type ZenefitsSim } from "@roster/sim-zenefits";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuiltProcess, startApi, startWorker, stopGracefully } from "./helpers/processes";

const ORGANISATIONS = 200;
/** Small companies: the test is about many connections at once, not big directories. */
const PEOPLE_PER_COMPANY = 10;
/** These organisations' tokens are revoked before the run: each sync fails and its owner is emailed once. */
const REVOKED = new Set([0, 57, 113, 171]);

let database: TestDatabase;
let sim: ZenefitsSim;
let catcher: MailCatcher;
const started: BuiltProcess[] = [];
const encryptionKey = generateEncryptionKey();

beforeAll(async () => {
  database = await createTestDatabase();
  sim = await startZenefitsSim({ port: 0, companies: ORGANISATIONS, people: PEOPLE_PER_COMPANY, seed: 7 });
  // Each company answers slowly, so syncs are still running when workers are killed; a few
  // requests answer 500, which the connector's client retries within the sync.
  sim.setFaults({ latencyMs: 30, latencyJitterMs: 30, error500Rate: 0.01, seed: 11 });
  catcher = await startMailCatcher({ port: 0 });
});
afterAll(async () => {
  for (const p of started) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill("SIGKILL");
  await catcher?.stop();
  await sim?.close();
  await database?.drop();
});

function environment(): Record<string, string> {
  return {
    DATABASE_URL: database.url,
    ENCRYPTION_KEY: encryptionKey,
    PUBLIC_URL: "https://roster.example",
    SMTP_URL: catcher.smtpUrl,
    NODE_ENV: "production",
    LOG_LEVEL: "info",
    WORKER_CONCURRENCY: "3",
    // A killed worker is noticed within seconds, so its jobs are handed to the other one soon.
    WORKER_HEARTBEAT_SECONDS: "1",
    WORKER_STALE_SECONDS: "3",
  };
}

/** One organisation and its Zenefits connection per simulator company, all due now. */
async function createFleet(): Promise<{ connectionId: string; companyId: string; alerts: string }[]> {
  const fleet = [];
  for (const [i, companyId] of sim.companyIds.entries()) {
    const org = await database.db
      .insertInto("organisations")
      .values({ name: `Org ${i}` })
      .returning("id")
      .executeTakeFirstOrThrow();
    const alerts = `alerts-${i}@fleet.test`;
    const row = await database.db
      .insertInto("connections")
      .values({
        organisation_id: org.id,
        connector_id: "zenefits",
        display_name: `Zenefits ${i}`,
        credentials_encrypted: "set below, bound to the row",
        notification_email: alerts,
        next_sync_at: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const token = sim.createToken({ companyId });
    if (REVOKED.has(i)) sim.revokeToken(token);
    await database.db
      .updateTable("connections")
      .set({ credentials_encrypted: encryptJson({ accessToken: token, baseUrl: sim.url }, encryptionKey, row.id) })
      .where("id", "=", row.id)
      .execute();
    fleet.push({ connectionId: row.id, companyId, alerts });
  }
  return fleet;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function metric(text: string, name: string, labels: Record<string, string>): number {
  let sum = 0;
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`)) continue;
    const inside = line.slice(name.length + 1, line.lastIndexOf("}"));
    if (Object.entries(labels).every(([k, v]) => inside.includes(`${k}="${v}"`)))
      sum += Number(line.slice(line.lastIndexOf(" ") + 1));
  }
  return sum;
}

/** The sync_connection jobs a worker process holds now (locked by one of its job runners). */
async function syncsHeldBy(worker: BuiltProcess): Promise<number> {
  const workerId = `${os.hostname()}:${worker.child.pid}`;
  const { rows } = await sql<{ n: string }>`
    select count(*) as n from graphile_worker.jobs j
    join worker_heartbeats h on j.locked_by = any(h.job_worker_ids)
    where h.worker_id = ${workerId} and j.task_identifier = 'sync_connection'`.execute(database.db);
  return Number(rows[0]?.n);
}

async function finishedRuns(ids: string[]): Promise<number> {
  const row = await database.db
    .selectFrom("sync_runs")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("connection_id", "in", ids)
    .where("status", "!=", "running")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const isRunning = (p: BuiltProcess) => p.child.exitCode === null && p.child.signalCode === null;

/**
 * Waits until one of `workers` holds a sync, then a random moment more, and SIGKILLs it.
 * Returns the killed worker and how many syncs it held when last looked at.
 */
async function killOneHoldingASync(workers: BuiltProcess[]): Promise<{ killed: BuiltProcess; held: number }> {
  const { killed, held } = await waitFor(
    "a worker holding a sync",
    async () => {
      for (const worker of workers.filter(isRunning)) {
        const held = await syncsHeldBy(worker);
        if (held > 0) return { killed: worker, held };
      }
      return undefined;
    },
    60_000,
  );
  await pause(Math.floor(Math.random() * 400));
  killed.child.kill("SIGKILL");
  expect((await killed.exited).signal).toBe("SIGKILL");
  return { killed, held };
}

describe("the built API and worker as separate processes on one PostgreSQL", () => {
  it("syncs 200 organisations exactly once with 2 APIs and 3 workers, two workers SIGKILLed and one started mid-way", {
    timeout: 240_000,
  }, async () => {
    // Tried: `roster migrate` has run (the test database is migrated); 2 `roster serve api` and
    // 3 `roster serve worker` processes from the built bundle; 200 organisations with Zenefits
    // connections on the simulator (10 people each, a few requests answering 500), all due at
    // once, four with a revoked token; the schedule queued once; one worker SIGKILLed at a
    // random moment while it holds syncs, a new worker started, then a second one SIGKILLed
    // later the same way. Must hold afterwards: each connection has exactly one sync run
    // (succeeded, or failed for a revoked token), every directory equals its simulator company
    // person by person, nothing is left running or queued, every next sync is set 24 h (or
    // 1 h after a failure) after its run, each revoked connection's owner got exactly one
    // email and nobody else any, the survivors answer /readyz and /metrics (with the syncs
    // counted), and each exits 0 on SIGTERM.
    const fleet = await createFleet();
    const ids = fleet.map((c) => c.connectionId);
    const env = environment();
    const [apiA, apiB, ...firstWorkers] = await Promise.all([
      startApi(env),
      startApi(env),
      startWorker(env),
      startWorker(env),
      startWorker(env),
    ]);
    if (!apiA || !apiB) throw new Error("the APIs did not start");
    const workers = firstWorkers.map((w) => w.process);
    started.push(apiA.process, apiB.process, ...workers);

    // The dashboard and the API share an origin: the built dashboard is served by both APIs.
    for (const api of [apiA, apiB]) {
      const page = await fetch(`${api.url}/settings/integrations`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
    }
    // The public API's reference page reads Swagger UI's files at run time, beside the bundle.
    const docsAsset = await fetch(`${apiA.url}/api/docs/swagger-ui-bundle.js`);
    expect(docsAsset.status).toBe(200);
    await docsAsset.arrayBuffer();

    // What the crontab's schedule_due does every minute, asked for once now.
    const queuedAt = Date.now();
    await sql`select graphile_worker.add_job('schedule_due', '{}'::json)`.execute(database.db);

    // First kill: a worker holding syncs; their jobs must go to the others and resume.
    const first = await killOneHoldingASync(workers);
    const replacement = await startWorker(env);
    started.push(replacement.process);
    // Second kill, later: once a random share of the fleet has finished.
    const secondKillAfter = Math.floor(ORGANISATIONS * (0.2 + Math.random() * 0.3));
    await waitFor(
      `${secondKillAfter} runs finished`,
      async () => ((await finishedRuns(ids)) >= secondKillAfter ? true : undefined),
      120_000,
    );
    const second = await killOneHoldingASync(workers.filter((w) => w !== first.killed));
    const killedAtRuns = await finishedRuns(ids);

    await waitFor(
      "every connection synced and the queue empty",
      async () => {
        const pending = await database.db
          .selectFrom("connections")
          .select((eb) => eb.fn.countAll<string>().as("n"))
          .where("id", "in", ids)
          .where("last_sync_at", "is", null)
          .executeTakeFirstOrThrow();
        const { rows } = await sql<{ n: string }>`
          select count(*) as n from graphile_worker.jobs where task_identifier = 'sync_connection'`.execute(database.db);
        return Number(pending.n) === 0 && Number(rows[0]?.n) === 0 ? true : undefined;
      },
      150_000,
    );

    // Exactly one run per connection: none lost with a killed worker, none duplicated by the recovery.
    const runs = await database.db
      .selectFrom("sync_runs")
      .select(["connection_id", "status", "started_at", "finished_at", "attempts"])
      .where("connection_id", "in", ids)
      .execute();
    const runsByConnection = new Map<string, string[]>();
    for (const run of runs)
      runsByConnection.set(run.connection_id, [...(runsByConnection.get(run.connection_id) ?? []), run.status]);
    for (const [i, c] of fleet.entries()) {
      expect({ connection: i, runs: runsByConnection.get(c.connectionId) }).toEqual({
        connection: i,
        runs: [REVOKED.has(i) ? "failed" : "succeeded"],
      });
    }

    // Each directory is the simulator's truth for its company, person by person.
    const { rows: stored } = await sql<{
      connection_id: string;
      remote_id: string;
      job_title: string | null;
      remote_status: string | null;
    }>`
      select connection_id, remote_id, job_title, remote_status from employees
      where connection_id = any(${ids}::uuid[]) and remote_deleted_at is null`.execute(database.db);
    const storedByConnection = new Map<string, string[]>();
    for (const row of stored) {
      const entry = `${row.remote_id}|${row.job_title ?? ""}|${row.remote_status ?? ""}`;
      storedByConnection.set(row.connection_id, [...(storedByConnection.get(row.connection_id) ?? []), entry]);
    }
    for (const [i, c] of fleet.entries()) {
      const truth = REVOKED.has(i) ? [] : sim.truth(c.companyId).people.map((p) => `${p.id}|${p.title ?? ""}|${p.status ?? ""}`);
      expect({ connection: i, people: (storedByConnection.get(c.connectionId) ?? []).sort() }).toEqual({
        connection: i,
        people: truth.sort(),
      });
    }

    // The next sync is set once, from the run: a day after a success, an hour after a failure.
    const connections = await database.db
      .selectFrom("connections")
      .select(["id", "status", "next_sync_at", "last_sync_at", "consecutive_failures"])
      .where("id", "in", ids)
      .execute();
    const revokedIds = new Set(fleet.filter((_, i) => REVOKED.has(i)).map((c) => c.connectionId));
    for (const c of connections) {
      const revoked = revokedIds.has(c.id);
      const gapHours = ((c.next_sync_at?.getTime() ?? 0) - (c.last_sync_at?.getTime() ?? 0)) / 3_600_000;
      expect({ status: c.status, failures: c.consecutive_failures }).toEqual(
        revoked ? { status: "failing", failures: 1 } : { status: "active", failures: 0 },
      );
      expect(gapHours).toBeGreaterThan(revoked ? 0.9 : 23.9);
      expect(gapHours).toBeLessThan(revoked ? 1.1 : 24.1);
    }

    // Each failure email reaches its connection's address once, from whichever worker sent it.
    const alertsOf = (i: number) => fleet[i]?.alerts ?? "";
    await waitFor(
      "the failure emails",
      async () => ([...REVOKED].every((i) => catcher.messages().some((m) => m.to.includes(alertsOf(i)))) ? true : undefined),
      30_000,
    );
    await pause(1_500);
    const emailsTo = (address: string) => catcher.messages().filter((m) => m.to.includes(address)).length;
    for (const [i, c] of fleet.entries()) {
      expect({ connection: i, emails: emailsTo(c.alerts) }).toEqual({ connection: i, emails: REVOKED.has(i) ? 1 : 0 });
    }

    // The survivors are ready and report metrics; the surviving workers counted the syncs they ran.
    const survivors = [...workers.filter(isRunning), replacement.process];
    expect(survivors).toHaveLength(2);
    const survivorUrls = [...firstWorkers.filter((w) => isRunning(w.process)), replacement].map((w) => w.statusUrl);
    for (const url of [apiA.url, apiB.url, ...survivorUrls]) {
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(200);
    }
    let syncsBySurvivors = 0;
    for (const url of survivorUrls) {
      const workerMetrics = await (await fetch(`${url}/metrics`)).text();
      syncsBySurvivors += metric(workerMetrics, "roster_syncs_total", {});
    }
    const lastMetrics = await (await fetch(`${replacement.statusUrl}/metrics`)).text();
    expect(metric(lastMetrics, "roster_syncs_total", { connector: "zenefits", outcome: "succeeded" })).toBeGreaterThan(0);
    expect(metric(lastMetrics, "roster_sync_records_written_total", { connector: "zenefits" })).toBeGreaterThan(0);
    expect(metric(lastMetrics, "roster_sync_duration_seconds_count", { connector: "zenefits" })).toBeGreaterThan(0);
    const apiMetrics = await (await fetch(`${apiA.url}/metrics`)).text();
    expect(metric(apiMetrics, "roster_connections", { state: "active" })).toBe(ORGANISATIONS - REVOKED.size);
    expect(metric(apiMetrics, "roster_connections", { state: "failing" })).toBe(REVOKED.size);
    expect(metric(apiMetrics, "roster_http_requests_total", { route: "(dashboard)", status: "200" })).toBe(1);

    // The figures: from the schedule's queueing to the last run's end.
    const lastFinished = Math.max(...runs.map((r) => r.finished_at?.getTime() ?? 0));
    const seconds = (lastFinished - queuedAt) / 1000;
    const people = stored.length;
    const figures = {
      organisations: fleet.length,
      runs: runs.length,
      resumedRuns: runs.filter((r) => r.attempts > 1).length,
      people,
      durationSeconds: Number(seconds.toFixed(2)),
      syncsPerSecond: Number((runs.length / seconds).toFixed(1)),
      peoplePerSecond: Number((people / seconds).toFixed(0)),
      syncsHeldByFirstKilled: first.held,
      syncsHeldBySecondKilled: second.held,
      runsFinishedAtSecondKill: killedAtRuns,
      syncsFinishedBySurvivors: syncsBySurvivors,
    };
    console.log(`fleet: ${JSON.stringify(figures)}`);

    // SIGTERM: each remaining process finishes what it holds and exits 0.
    const exits = await Promise.all([apiA.process, apiB.process, ...survivors].map((p) => stopGracefully(p)));
    expect(exits.map((e) => e.code)).toEqual([0, 0, 0, 0]);
  });
});
