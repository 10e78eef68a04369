import os from "node:os";
import { sql } from "@roster/db";
import { createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { type MailCatcher, startMailCatcher } from "@roster/email";
import { encryptJson, generateEncryptionKey } from "@roster/secrets";
import { startZenefitsSim, type ZenefitsSim } from "@roster/sim-zenefits";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuiltProcess, startApi, startWorker, stopGracefully } from "./helpers/processes";

const ORGANISATIONS = 20;
/** One organisation's token is revoked before the run: its sync fails and its owner is emailed once. */
const REVOKED = 0;

let database: TestDatabase;
let sim: ZenefitsSim;
let catcher: MailCatcher;
const started: BuiltProcess[] = [];
const encryptionKey = generateEncryptionKey();

beforeAll(async () => {
  database = await createTestDatabase();
  // Each company answers slowly, so syncs are still running when a worker is killed.
  sim = await startZenefitsSim({ port: 0, companies: ORGANISATIONS, people: 25, seed: 7 });
  sim.setFaults({ latencyMs: 40, latencyJitterMs: 40 });
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
    if (i === REVOKED) sim.revokeToken(token);
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

describe("the built API and worker as separate processes on one PostgreSQL", () => {
  it("syncs every connection exactly once with 2 APIs and 2 workers, one worker killed with SIGKILL mid-way", {
    timeout: 180_000,
  }, async () => {
    // Tried: `roster migrate` has run (the test database is migrated); 2 `roster serve api` and
    // 2 `roster serve worker` processes from the built bundle; 20 organisations with Zenefits
    // connections on the simulator, all due at once (one with a revoked token); the schedule
    // queued once; one worker SIGKILLed while syncs run. Must hold afterwards: each connection
    // has exactly one sync run (succeeded, or failed for the revoked token), every directory
    // matches its simulator company, nothing is left running or queued, every next sync is set
    // 24 h after its run, the revoked connection's owner got exactly one email, the survivors
    // answer /readyz and /metrics (with the syncs counted), and each exits 0 on SIGTERM.
    const fleet = await createFleet();
    const env = environment();
    const [apiA, apiB, workerA, workerB] = await Promise.all([startApi(env), startApi(env), startWorker(env), startWorker(env)]);
    started.push(apiA.process, apiB.process, workerA.process, workerB.process);

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
    await sql`select graphile_worker.add_job('schedule_due', '{}'::json)`.execute(database.db);
    // Killed while it holds a sync: the job it had locked must go to the other worker and resume.
    const workerAId = `${os.hostname()}:${workerA.process.child.pid}`;
    const heldByA = await waitFor(
      "worker A holding a sync",
      async () => {
        const { rows } = await sql<{ n: string }>`
          select count(*) as n from graphile_worker.jobs j
          join worker_heartbeats h on j.locked_by = any(h.job_worker_ids)
          where h.worker_id = ${workerAId} and j.task_identifier = 'sync_connection'`.execute(database.db);
        return Number(rows[0]?.n) > 0 ? Number(rows[0]?.n) : undefined;
      },
      60_000,
    );
    workerA.process.child.kill("SIGKILL");
    const killed = await workerA.process.exited;
    expect(killed.signal).toBe("SIGKILL");

    const ids = fleet.map((c) => c.connectionId);
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
      120_000,
    );

    const runs = await database.db
      .selectFrom("sync_runs")
      .select(["connection_id", "status", "started_at"])
      .where("connection_id", "in", ids)
      .execute();
    const runsByConnection = new Map<string, string[]>();
    for (const run of runs)
      runsByConnection.set(run.connection_id, [...(runsByConnection.get(run.connection_id) ?? []), run.status]);
    for (const [i, c] of fleet.entries()) {
      expect({ connection: i, runs: runsByConnection.get(c.connectionId) }).toEqual({
        connection: i,
        runs: [i === REVOKED ? "failed" : "succeeded"],
      });
    }

    // Each directory is the simulator's truth for its company.
    const people = await database.db
      .selectFrom("employees")
      .select(["connection_id", (eb) => eb.fn.countAll<string>().as("n")])
      .where("connection_id", "in", ids)
      .where("remote_deleted_at", "is", null)
      .groupBy("connection_id")
      .execute();
    const peopleByConnection = new Map(people.map((p) => [p.connection_id, Number(p.n)]));
    for (const [i, c] of fleet.entries()) {
      if (i === REVOKED) continue;
      expect({ connection: i, people: peopleByConnection.get(c.connectionId) }).toEqual({
        connection: i,
        people: sim.counts(c.companyId).people,
      });
    }

    // The next sync is set once, from the run: a day after a success, an hour after the failure.
    const connections = await database.db
      .selectFrom("connections")
      .select(["id", "status", "next_sync_at", "last_sync_at", "consecutive_failures"])
      .where("id", "in", ids)
      .execute();
    for (const c of connections) {
      const revoked = c.id === fleet[REVOKED]?.connectionId;
      const gapHours = ((c.next_sync_at?.getTime() ?? 0) - (c.last_sync_at?.getTime() ?? 0)) / 3_600_000;
      expect({ status: c.status, failures: c.consecutive_failures }).toEqual(
        revoked ? { status: "failing", failures: 1 } : { status: "active", failures: 0 },
      );
      expect(gapHours).toBeGreaterThan(revoked ? 0.9 : 23.9);
      expect(gapHours).toBeLessThan(revoked ? 1.1 : 24.1);
    }

    // The failure email reaches the revoked connection's address once, from whichever worker sent it.
    const alerts = fleet[REVOKED]?.alerts ?? "";
    await waitFor(
      "the failure email",
      async () => (catcher.messages().some((m) => m.to.includes(alerts)) ? true : undefined),
      30_000,
    );
    await new Promise((r) => setTimeout(r, 1_500));
    expect(catcher.messages().filter((m) => m.to.includes(alerts))).toHaveLength(1);
    for (const c of fleet.slice(1)) expect(catcher.messages().filter((m) => m.to.includes(c.alerts))).toHaveLength(0);

    // The survivors are ready and report metrics; the surviving worker counted the syncs it ran.
    for (const url of [apiA.url, apiB.url, workerB.statusUrl]) {
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(200);
    }
    const workerMetrics = await (await fetch(`${workerB.statusUrl}/metrics`)).text();
    expect(metric(workerMetrics, "roster_syncs_total", { connector: "zenefits", outcome: "succeeded" })).toBeGreaterThan(0);
    expect(metric(workerMetrics, "roster_sync_records_written_total", { connector: "zenefits" })).toBeGreaterThan(0);
    expect(metric(workerMetrics, "roster_sync_duration_seconds_count", { connector: "zenefits" })).toBeGreaterThan(0);
    const apiMetrics = await (await fetch(`${apiA.url}/metrics`)).text();
    expect(metric(apiMetrics, "roster_connections", { state: "active" })).toBe(ORGANISATIONS - 1);
    expect(metric(apiMetrics, "roster_connections", { state: "failing" })).toBe(1);
    expect(metric(apiMetrics, "roster_http_requests_total", { route: "(dashboard)", status: "200" })).toBe(1);

    const counts = {
      connections: fleet.length,
      runs: runs.length,
      people: [...peopleByConnection.values()].reduce((a, b) => a + b, 0),
      syncsHeldByKilledWorker: heldByA,
      syncsFinishedByWorkerB: metric(workerMetrics, "roster_syncs_total", {}),
    };
    console.log(`fleet: ${JSON.stringify(counts)}`);

    // SIGTERM: each remaining process finishes what it holds and exits 0.
    const exits = await Promise.all([apiA, apiB, workerB].map((p) => stopGracefully(p.process)));
    expect(exits.map((e) => e.code)).toEqual([0, 0, 0]);
  });
});
