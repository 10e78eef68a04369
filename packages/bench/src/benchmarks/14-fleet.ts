import { freePort, sql } from "@roster/db";
import { encryptJson, generateEncryptionKey } from "@roster/secrets";
import type { BenchContext } from "../context";
import { settle, withClient } from "../harness/database";
import { type Figure, fmt, ratioFigure } from "../harness/figure";
import { currentRssKb, sampleFleetRss } from "../harness/fleet-rss";
import { buildRelease } from "../harness/release";
import { type Service, startService, stopAll } from "../harness/service";
import type { SimProcess } from "../harness/simulator";
import { startSimProcess } from "../harness/simulator";
import type { Benchmark } from "./types";

/** The fleet: many small organisations, all due at once. */
const ORGANISATIONS = 200;
const PEOPLE_PER_COMPANY = 10;
const API_PROCESSES = 2;
const MANY_WORKERS = 3;
/** A provider's round trip, added to every answer (a real HRIS is not on loopback). */
const PROVIDER_LATENCY_MS = 100;
/** Three worker processes should sync the fleet at least this many times faster than one. */
const SPEEDUP_LIMIT = 2;
/** Under load, the fleet should hold at most this many times its idle memory. */
const RSS_GROWTH_LIMIT = 2;

const lines = [
  { id: "14a", title: `fleet of ${ORGANISATIONS} organisations: syncs/s with ${MANY_WORKERS} worker processes ÷ with 1` },
  { id: "14b", title: `fleet's peak total RSS (${API_PROCESSES} APIs + ${MANY_WORKERS} workers) under load ÷ idle` },
];

interface FleetRun {
  workers: number;
  syncs: number;
  succeeded: number;
  people: number;
  seconds: number;
  syncsPerSecond: number;
  peoplePerSecond: number;
  idleTotalKb: number;
  peakTotalKb: number;
  rssSamples: number;
}

/** One organisation and Zenefits connection per simulator company, in a fresh database. */
async function createFleet(ctx: BenchContext, sim: SimProcess, label: string) {
  const target = await ctx.dbs.fresh(label);
  const encryptionKey = generateEncryptionKey();
  for (const [i, company] of (await sim.companies()).entries()) {
    const org = await target.db
      .insertInto("organisations")
      .values({ name: `Org ${i}` })
      .returning("id")
      .executeTakeFirstOrThrow();
    const row = await target.db
      .insertInto("connections")
      .values({
        organisation_id: org.id,
        connector_id: "zenefits",
        display_name: `Zenefits ${i}`,
        credentials_encrypted: "set below, bound to the row",
        next_sync_at: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const token = await sim.createToken(company.id);
    await target.db
      .updateTable("connections")
      .set({ credentials_encrypted: encryptJson({ accessToken: token, baseUrl: sim.url }, encryptionKey, row.id) })
      .where("id", "=", row.id)
      .execute();
  }
  return { target, encryptionKey };
}

/** The released `roster serve api` ×2 and `roster serve worker` ×`workers` on the fleet's database. */
async function startFleet(roster: string, env: Record<string, string>, workers: number, databaseUrl: string) {
  const services: Service<unknown>[] = [];
  try {
    for (let i = 0; i < API_PROCESSES; i++) {
      const port = await freePort();
      services.push(
        await startService({
          name: `API ${i + 1} (roster serve api)`,
          entry: roster,
          args: ["serve", "api"],
          env: { ...env, API_PORT: String(port) },
          ready: async () => ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok ? true : undefined),
        }),
      );
    }
    // One at a time: each is ready once its own heartbeat row is there.
    for (let i = 0; i < workers; i++) {
      services.push(
        await startService({
          name: `worker ${i + 1} (roster serve worker)`,
          entry: roster,
          args: ["serve", "worker"],
          env: { ...env, WORKER_HTTP_PORT: "0" },
          ready: () =>
            withClient(databaseUrl, async (client) => {
              const { rows } = await client.query<{ n: string }>("select count(*) as n from worker_heartbeats");
              return Number(rows[0]?.n) > i ? true : undefined;
            }),
        }),
      );
    }
    return services;
  } catch (error) {
    await stopAll(services);
    throw error;
  }
}

async function runFleet(ctx: BenchContext, roster: string, sim: SimProcess, workers: number): Promise<FleetRun> {
  const { target, encryptionKey } = await ctx.progress.step(
    `creating ${ORGANISATIONS} organisations with Zenefits connections`,
    () => createFleet(ctx, sim, `fleet_${workers}_workers`),
  );
  const env = {
    DATABASE_URL: target.url,
    ENCRYPTION_KEY: encryptionKey,
    PUBLIC_URL: "https://roster.bench",
    // No sync fails here, so no email is sent; the variable is required outside sandbox.
    SMTP_URL: `smtp://127.0.0.1:${await freePort()}`,
    NODE_ENV: "production",
    SANDBOX: "false",
  };
  const services = await ctx.progress.step(
    `starting ${API_PROCESSES} APIs and ${workers} worker process(es) from the release`,
    () => startFleet(roster, env, workers, target.url),
  );
  try {
    const pids = services.map((s) => s.pid);
    await settle(target.url);
    const idleTotalKb = pids.reduce((sum, pid) => sum + currentRssKb(pid), 0);
    const sampler = sampleFleetRss(() => pids);
    const { rows } = await sql<{ at: Date }>`
      select clock_timestamp() as at, graphile_worker.add_job('schedule_due', '{}'::json)`.execute(target.db);
    const queuedAt = rows[0]?.at ?? new Date();
    await ctx.progress.step(`syncing ${ORGANISATIONS} organisations with ${workers} worker process(es)`, async () => {
      const deadline = performance.now() + ctx.childTimeoutMs;
      for (;;) {
        const { rows: left } = await sql<{ unsynced: string; jobs: string }>`
          select (select count(*) from connections where last_sync_at is null) as unsynced,
                 (select count(*) from graphile_worker.jobs where task_identifier = 'sync_connection') as jobs`.execute(
          target.db,
        );
        if (Number(left[0]?.unsynced) === 0 && Number(left[0]?.jobs) === 0) return;
        if (performance.now() > deadline) throw new Error(`the fleet was not synced within ${ctx.childTimeoutMs / 60_000} min`);
        await new Promise((r) => setTimeout(r, 250));
      }
    });
    const rss = sampler.stop();
    const { rows: runs } = await sql<{ syncs: string; succeeded: string; last: Date }>`
      select count(*) as syncs, count(*) filter (where status = 'succeeded') as succeeded, max(finished_at) as last
      from sync_runs`.execute(target.db);
    const { rows: people } = await sql<{ n: string }>`
      select count(*) as n from employees where remote_deleted_at is null`.execute(target.db);
    const syncs = Number(runs[0]?.syncs);
    const peopleCount = Number(people[0]?.n);
    const seconds = ((runs[0]?.last ?? new Date()).getTime() - queuedAt.getTime()) / 1000;
    return {
      workers,
      syncs,
      succeeded: Number(runs[0]?.succeeded),
      people: peopleCount,
      seconds,
      syncsPerSecond: syncs / seconds,
      peoplePerSecond: peopleCount / seconds,
      idleTotalKb,
      peakTotalKb: rss.peakTotalKb,
      rssSamples: rss.samples,
    };
  } finally {
    await stopAll(services);
  }
}

/**
 * 14. The fleet through the released processes: 200 small organisations all due at once,
 * synced by 1 worker process, then by 3 (each WORKER_CONCURRENCY's default), beside 2 API
 * processes, on one PostgreSQL; every sync paced by the connector as in production. Full runs
 * only: a quick smoke run would only rebuild the release and wait on the provider.
 */
export const fleetThroughput: Benchmark = {
  id: "14",
  title: "fleet throughput: 1 worker process vs 3, and the fleet's memory",
  lines,
  fullOnly: true,
  async run(ctx): Promise<Figure[]> {
    const roster = await ctx.progress.step("building the release (scripts/release/build.sh)", () => buildRelease());
    const sim = await ctx.progress.step(`starting a Zenefits simulator with ${ORGANISATIONS} companies`, () =>
      startSimProcess({ people: PEOPLE_PER_COMPANY, companies: ORGANISATIONS, seed: 24 }),
    );
    try {
      await sim.setFaults({ latencyMs: PROVIDER_LATENCY_MS });
      const one = await runFleet(ctx, roster, sim, 1);
      const many = await runFleet(ctx, roster, sim, MANY_WORKERS);
      const perSecond = (n: number) => `${n.toFixed(1)} syncs/s`;
      const describe = (run: FleetRun) =>
        `${run.workers} worker(s): ${run.syncs} syncs (${run.succeeded} succeeded), ${fmt.count(run.people)} people in ` +
        `${run.seconds.toFixed(1)} s, ${run.syncsPerSecond.toFixed(1)} syncs/s, ${Math.round(run.peoplePerSecond)} people/s, ` +
        `peak RSS ${fmt.mb(run.peakTotalKb)}`;
      return [
        ratioFigure({
          id: "14a",
          title: lines[0]!.title,
          value: many.syncsPerSecond,
          baseline: one.syncsPerSecond,
          format: perSecond,
          op: ">=",
          limit: SPEEDUP_LIMIT,
          note: `${describe(one)}; ${describe(many)}`,
          details: { one, many, providerLatencyMs: PROVIDER_LATENCY_MS, peoplePerCompany: PEOPLE_PER_COMPANY },
        }),
        ratioFigure({
          id: "14b",
          title: lines[1]!.title,
          value: many.peakTotalKb,
          baseline: many.idleTotalKb,
          format: fmt.mb,
          op: "<=",
          limit: RSS_GROWTH_LIMIT,
          note: `with 1 worker: idle ${fmt.mb(one.idleTotalKb)}, peak ${fmt.mb(one.peakTotalKb)}`,
        }),
      ];
    } finally {
      await sim.stop();
    }
  },
};
