import type { SyncChildInput, SyncChildResult } from "../children/sync";
import type { BenchContext } from "../context";
import { type FreshDb, settle, settleAfter } from "../harness/database";
import { type ConnectionFixture, createConnection } from "../harness/fixtures";
import { ChildTimeoutError } from "../harness/rss-child";
import type { SimProcess } from "../harness/simulator";
import { type Measured, runMeasured } from "./measured-child";

const syncEntry = new URL("../children/sync.ts", import.meta.url);

export interface SyncTarget {
  sim: SimProcess;
  db: FreshDb;
  fixture: ConnectionFixture;
}

/** A fresh database with one connection, for a sync against `sim`. */
export async function prepareSyncTarget(ctx: BenchContext, sim: SimProcess, label: string): Promise<SyncTarget> {
  const db = await ctx.dbs.fresh(label);
  const fixture = await createConnection(db.db);
  return { sim, db, fixture };
}

/**
 * VACUUM ANALYZE + CHECKPOINT, then one sync in a child process, then the same again untimed
 * (settleAfter); a failed run is an error, not a figure.
 */
export async function syncOnce(
  ctx: BenchContext,
  target: SyncTarget,
  options: Pick<SyncChildInput, "streamConcurrency"> = {},
): Promise<Measured<SyncChildResult>> {
  await settle(target.db.url);
  const input: SyncChildInput = {
    databaseUrl: target.db.url,
    simUrl: target.sim.url,
    token: target.sim.token,
    organisationId: target.fixture.organisationId,
    connectionId: target.fixture.connectionId,
    providerRateLimit: ctx.providerRateLimit,
    ...options,
  };
  const measured = await runMeasured<SyncChildInput, SyncChildResult>(ctx, target.sim, syncEntry, input);
  const result = measured.report.result;
  if (result.status !== "succeeded") throw new Error(`the sync ${result.status}: ${result.errorMessage ?? "no message"}`);
  await settleAfter(target.db.url);
  return measured;
}

export interface MainSync extends SyncTarget {
  initial: Measured<SyncChildResult>;
}

/** The initial sync of the main tenant into an empty database: figures 1, 4 and 5 build on it. */
export function mainSync(ctx: BenchContext): Promise<MainSync> {
  return ctx.memo("main-sync", async () => {
    const sim = await ctx.sim("main");
    const target = await prepareSyncTarget(ctx, sim, "initial_sync");
    const people = sim.people.toLocaleString("en-US");
    const initial = await ctx.progress
      .step(`initial sync of ${people} people (child process)`, () => syncOnce(ctx, target))
      .catch((error: unknown) => {
        // Figures 4 and 5 report this message as their reason.
        if (error instanceof ChildTimeoutError) error.message = `the initial sync of ${people} people ${error.message}`;
        throw error;
      });
    const employees = await target.db.db
      .selectFrom("employees")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const expected = (await sim.counts()).people;
    if (Number(employees.n) !== expected)
      throw new Error(`the initial sync stored ${employees.n} employees, the simulator has ${expected}`);
    return { ...target, initial };
  });
}
