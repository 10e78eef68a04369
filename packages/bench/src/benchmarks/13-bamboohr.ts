import type { BambooHrFloorChildInput, BambooHrFloorChildResult } from "../children/bamboohr-floor";
import type { BambooHrSyncChildInput, BambooHrSyncChildResult } from "../children/bamboohr-sync";
import type { BenchContext } from "../context";
import { type BambooHrSimProcess, startBambooHrSimProcess } from "../harness/bamboohr-simulator";
import { settle, settleAfter } from "../harness/database";
import { fmt, ratioFigure } from "../harness/figure";
import { type ConnectionFixture, createConnection } from "../harness/fixtures";
import { type Measured, runMeasured } from "../scenarios/measured-child";
import type { Benchmark } from "./types";

const syncEntry = new URL("../children/bamboohr-sync.ts", import.meta.url);
const floorEntry = new URL("../children/bamboohr-floor.ts", import.meta.url);
const SIM_SEED = 42;

const lines = [
  { id: "13a", title: "BambooHR full sync ÷ raw fetch+parse+map+COPY floor" },
  { id: "13b", title: "BambooHR incremental re-sync, 1% changed ÷ full sync" },
];

type Target = { sim: BambooHrSimProcess; databaseUrl: string; fixture: ConnectionFixture };

async function target(ctx: BenchContext, sim: BambooHrSimProcess, label: string): Promise<Target> {
  const db = await ctx.dbs.fresh(label);
  const fixture = await createConnection(db.db, "Bench Org", "bamboohr");
  await settle(db.url);
  return { sim, databaseUrl: db.url, fixture };
}

async function sync(ctx: BenchContext, t: Target): Promise<Measured<BambooHrSyncChildResult>> {
  await settle(t.databaseUrl);
  const input: BambooHrSyncChildInput = {
    databaseUrl: t.databaseUrl,
    simUrl: t.sim.url,
    companyDomain: t.sim.companyDomain,
    apiKey: t.sim.apiKey,
    ...t.fixture,
    providerRateLimit: ctx.providerRateLimit,
  };
  const measured = await runMeasured<BambooHrSyncChildInput, BambooHrSyncChildResult>(ctx, t.sim, syncEntry, input);
  const result = measured.report.result;
  if (result.status !== "succeeded")
    throw new Error(`the BambooHR sync ${result.status}: ${result.errorMessage ?? "no message"}`);
  await settleAfter(t.databaseUrl);
  return measured;
}

const details = <T extends object>(m: Measured<T>) => ({ ...m.report.result, cpu: m.cpu, maxRssKb: m.report.maxRssKb });

/**
 * Figure 13: BambooHR end to end. (a) The initial sync (full read: directory, custom reports,
 * meta and tables) against the connector's own reads, mapped and COPYed into empty tables with
 * nothing else. (b) After 1% of the employees change at BambooHR, the next sync, which the
 * engine plans as a changes read (employees/changed and the changed tables), against that
 * full sync. Both arms of (a) must have stored the same employees.
 */
export const bamboohrSync: Benchmark = {
  id: "13",
  title: "BambooHR syncs",
  lines,
  async run(ctx) {
    const employees = ctx.sizes.bamboohrEmployees;
    const sim = await ctx.progress.step(`starting the BambooHR simulator (${fmt.count(employees)} employees, own process)`, () =>
      startBambooHrSimProcess({ employees, seed: SIM_SEED }),
    );
    try {
      const main = await target(ctx, sim, "bamboohr_sync");
      const full = await ctx.progress.step(`BambooHR full sync of ${fmt.count(employees)} employees (child process)`, () =>
        sync(ctx, main),
      );
      const floorTarget = await target(ctx, sim, "bamboohr_floor");
      const floor = await ctx.progress.step("raw floor: the connector's reads + map + COPY (child process)", () =>
        runMeasured<BambooHrFloorChildInput, BambooHrFloorChildResult>(ctx, sim, floorEntry, {
          databaseUrl: floorTarget.databaseUrl,
          simUrl: sim.url,
          companyDomain: sim.companyDomain,
          apiKey: sim.apiKey,
          ...floorTarget.fixture,
        }),
      );
      await settleAfter(floorTarget.databaseUrl);
      const synced = full.report.result.counts.employees?.read ?? -1;
      const floored = (floor.report.result.records.employees ?? 0) + (floor.report.result.failures.employees ?? 0);
      if (synced !== floored) throw new Error(`the sync read ${synced} employees, the floor ${floored}`);

      const mutation = await sim.mutate({ change: Math.max(1, Math.round(employees / 100)) });
      const changed = mutation.changed.length;
      const incremental = await ctx.progress.step(`re-sync after changing ${fmt.count(changed)} employees (child process)`, () =>
        sync(ctx, main),
      );
      const inc = incremental.report.result;
      if (inc.mode !== "changes") throw new Error(`the re-sync read "${inc.mode}", not the changes`);
      const title = (i: number) => `${lines[i]!.title} (${fmt.count(employees)} employees)`;
      return [
        ratioFigure({
          id: "13a",
          title: title(0),
          value: full.report.result.wallMs,
          baseline: floor.report.result.wallMs,
          format: fmt.seconds,
          op: "<=",
          limit: 1.25,
          details: { sync: details(full), floor: details(floor), providerRateLimit: ctx.providerRateLimit },
        }),
        ratioFigure({
          id: "13b",
          title: title(1),
          value: inc.wallMs,
          baseline: full.report.result.wallMs,
          format: fmt.seconds,
          op: "<=",
          limit: 0.1,
          note: `${fmt.count(changed)} changed; the re-sync read ${fmt.count(inc.counts.employees?.read ?? 0)} employees`,
          details: { changed, incremental: details(incremental) },
        }),
      ];
    } finally {
      await sim.stop();
    }
  },
};
