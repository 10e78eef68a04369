import { type BenchServer, Databases } from "./harness/database";
import type { Progress } from "./harness/progress";
import { type SimProcess, startSimProcess } from "./harness/simulator";

export interface Sizes {
  /** People in the main simulated tenant (figures 1–5). */
  people: number;
  /** People in the smaller tenant figure 5 compares peak RSS with. */
  smallPeople: number;
  /** Sync-and-floor pairs figure 1 measures; it reports the pair with the median ratio. */
  fullSyncPairs: number;
  /** COPY/write-path pairs figures 2 and 3a measure; they report the pair with the median ratio. */
  writePairs: number;
  /** Rows the naive row-by-row upsert writes before extrapolating (figure 3). */
  naiveRows: number;
  /** Rows per upsertBatch call where a figure calls it itself (2, 3 and the directory tenant); syncs batch as the engine does. */
  batchSize: number;
  /** Due connections / jobs in figure 8. */
  jobs: number;
  /** Concurrent clients of the load process in figure 6 (one signed-in person each). */
  apiClients: number;
  /** Seconds of recorded load per phase in figure 6 (the trivial baseline, then the directory mix). */
  apiLoadSeconds: number;
  /** Lever candidates hired and delivered by webhook in figure 7. */
  hires: number;
  /** People in the tenant figure 12 syncs with every answer delayed (its run time grows with them). */
  latencyPeople: number;
  /** Hired candidates figure 15 exports one after another, every answer delayed by `latencyMs`. */
  exportHires: number;
  /** The delay figures 12 and 15 add to every answer: a real provider's round trip. */
  latencyMs: number;
  /** Employees in the BambooHR simulator figure 13 syncs. */
  bamboohrEmployees: number;
}

export const fullSizes: Sizes = {
  people: 100_000,
  smallPeople: 10_000,
  fullSyncPairs: 3,
  writePairs: 3,
  naiveRows: 10_000,
  batchSize: 1000,
  jobs: 10_000,
  apiClients: 8,
  apiLoadSeconds: 30,
  hires: 1000,
  latencyPeople: 10_000,
  exportHires: 20,
  latencyMs: 250,
  bamboohrEmployees: 100_000,
};
export const quickSizes: Sizes = {
  people: 1_000,
  smallPeople: 100,
  fullSyncPairs: 1,
  writePairs: 1,
  naiveRows: 200,
  batchSize: 1000,
  jobs: 200,
  apiClients: 2,
  apiLoadSeconds: 3,
  hires: 100,
  latencyPeople: 1_000,
  exportHires: 3,
  latencyMs: 250,
  bamboohrEmployees: 1_000,
};

const SIM_SEED = 42;

export interface BenchContext {
  quick: boolean;
  sizes: Sizes;
  progress: Progress;
  server: BenchServer;
  dbs: Databases;
  /** Keep the connector's own rate limit (10 req/s) during syncs; off by default, see README. */
  providerRateLimit: boolean;
  /** A measured child (sync, floor) running longer than this is killed: its figure fails with a lower bound. */
  childTimeoutMs: number;
  /**
   * The simulator with `sizes.people` ("main"), `sizes.smallPeople` ("small") or
   * `sizes.latencyPeople` ("latency", the one whose faults figure 12 sets), started once.
   */
  sim(which: "main" | "small" | "latency"): Promise<SimProcess>;
  /** Work several figures share (the initial sync, the mapped rows) runs once per bench run. */
  memo<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

export function createContext(input: {
  quick: boolean;
  progress: Progress;
  server: BenchServer;
  dbPrefix: string;
  providerRateLimit: boolean;
  childTimeoutMs: number;
}): { ctx: BenchContext; close(): Promise<void> } {
  const sizes = input.quick ? quickSizes : fullSizes;
  const memos = new Map<string, Promise<unknown>>();
  const sims = new Map<string, Promise<SimProcess>>();
  const dbs = new Databases(input.server, input.dbPrefix);
  const ctx: BenchContext = {
    quick: input.quick,
    sizes,
    progress: input.progress,
    server: input.server,
    dbs,
    providerRateLimit: input.providerRateLimit,
    childTimeoutMs: input.childTimeoutMs,
    sim(which) {
      let sim = sims.get(which);
      if (!sim) {
        const people = { main: sizes.people, small: sizes.smallPeople, latency: sizes.latencyPeople }[which];
        sim = input.progress.step(`starting the Zenefits simulator (${people.toLocaleString("en-US")} people, own process)`, () =>
          startSimProcess({ people, seed: SIM_SEED }),
        );
        sims.set(which, sim);
      }
      return sim;
    },
    memo<T>(key: string, fn: () => Promise<T>): Promise<T> {
      let value = memos.get(key) as Promise<T> | undefined;
      if (!value) {
        value = fn();
        memos.set(key, value);
      }
      return value;
    },
  };
  return {
    ctx,
    async close() {
      for (const sim of sims.values()) await sim.then((s) => s.stop()).catch(() => {});
      await dbs.dropAll();
    },
  };
}
