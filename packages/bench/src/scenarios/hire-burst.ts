import type { BenchContext } from "../context";
import { allStarted } from "../harness/concurrency";
import { settle } from "../harness/database";
import { fmt } from "../harness/figure";
import { startApiProcess, startWorkerProcess } from "../harness/product-processes";
import { type Service, stopAll } from "../harness/service";
import { checkExactlyOnce, type DrainState, type ExportOutcome, waitForExports } from "./export-outcome";
import type { HireWorld } from "./lever-world";
import { type BurstResult, buildDeliveries, sendBurst, unexpectedAnswers } from "./webhook-burst";

/** Lever's webhook senders overlap; 50 in flight is a burst well beyond what one account sends. */
export const BURST_CONCURRENCY = 50;

export interface HireBurst {
  deliveries: { total: number; original: number; resent: number; newToken: number };
  burst: Omit<BurstResult, "statuses">;
  /** How many deliveries got each HTTP status. */
  answers: Record<string, number>;
  unexpectedAnswers: string[];
  drain: DrainState & { limitMs: number };
  outcome: ExportOutcome;
  /** From the first delivery sent to the last successful transfer (the worker's clock, same host). */
  toLastImportMs: number | null;
}

const countBy = <T>(items: readonly T[], key: (item: T) => string) =>
  items.reduce<Record<string, number>>((acc, item) => {
    acc[key(item)] = (acc[key(item)] ?? 0) + 1;
    return acc;
  }, {});

/**
 * The product end to end: the worker (apps/worker: its real task list, crontab and
 * concurrency) and the API (apps/api), each in its own process on the world's database;
 * every delivery POSTed to the API's /webhooks/lever/<connectionId> route in one burst while
 * the worker drains the export jobs; then the wait for the last import (at most `limitMs`)
 * and the exactly-once check. Both processes are stopped before this returns, also on failure.
 */
/**
 * The Lever simulator runs without its rate limit (see product-processes.ts), so the worker's
 * shared per-connection budget is lifted to match: the figure measures Roster, not Lever's 10/s.
 */
const UNLIMITED_LEVER = { LEVER_REQUESTS_PER_SECOND: "1000000" };

export async function runHireBurst(ctx: BenchContext, world: HireWorld, limitMs: number): Promise<HireBurst> {
  await settle(world.db.url);
  const env = { databaseUrl: world.db.url, encryptionKey: world.encryptionKey };
  const services: Service<unknown>[] = [];
  try {
    // The worker installs graphile-worker's schema before its first heartbeat (ready); without it the route answers 503.
    const [, api] = await ctx.progress.step("starting the worker and the API (apps/worker, apps/api: own processes)", () =>
      allStarted([startWorkerProcess({ ...env, extraEnv: UNLIMITED_LEVER }), startApiProcess(env)], (s) => services.push(s)),
    );
    const deliveries = buildDeliveries(world.hires, world.lever.info.signingToken);
    const url = `${api.info.url}/webhooks/lever/${world.connectionId}`;
    const burst = await ctx.progress.step(
      `burst: ${fmt.count(deliveries.length)} signed candidateHired deliveries, ${BURST_CONCURRENCY} in flight`,
      () => sendBurst(url, deliveries, BURST_CONCURRENCY),
    );
    const drain = await ctx.progress.step(
      `waiting for ${fmt.count(world.hires.length)} imports and an empty export queue (at most ${Math.round(limitMs / 1000)} s)`,
      () => waitForExports(world, limitMs),
    );
    const outcome = await checkExactlyOnce(world);
    const { statuses, ...timing } = burst;
    const kinds = countBy(deliveries, (d) => d.kind);
    return {
      deliveries: {
        total: deliveries.length,
        original: kinds.original ?? 0,
        resent: kinds.resent ?? 0,
        newToken: kinds["new token"] ?? 0,
      },
      burst: timing,
      answers: countBy(statuses, String),
      unexpectedAnswers: unexpectedAnswers(deliveries, statuses),
      drain: { ...drain, limitMs },
      outcome,
      toLastImportMs: outcome.lastImportAtEpochMs === null ? null : outcome.lastImportAtEpochMs - burst.startedAtEpochMs,
    };
  } finally {
    await stopAll(services);
  }
}
