import { queueSyncs, type SyncConnectionPayload } from "@roster/connection-policy";
import { sql } from "@roster/db";
import { makeWorkerUtils, type Task } from "graphile-worker";
import type { BenchContext } from "../context";
import { settle } from "../harness/database";
import { fmt, ratioFigure } from "../harness/figure";
import { drain, installQueue, quietLogger, WORKER_CONCURRENCY } from "../scenarios/job-runner";
import type { Benchmark } from "./types";

const TITLE = "job runner: Roster-style syncs ÷ bare graphile-worker";

/** apps/worker/src/tasks/schedule-due.ts queues due connections 500 at a time, one add_jobs call each. */
const SCHEDULE_BATCH = 500;

interface Arm {
  enqueueMs: number;
  drainMs: number;
  failed: number;
  jobsPerSecond: number;
}

const rate = (jobs: number, ms: number) => (jobs / ms) * 1000;

/**
 * Roster's way: N due connections; schedule_due's loop (select … for update skip locked,
 * then the worker's own queueSyncs: add_jobs with a jobKey per connection, and
 * the next_sync_at lease); then the pool drains them with a sync function that only
 * records the outcome on the connection row (one UPDATE).
 */
async function rosterArm(ctx: BenchContext): Promise<Arm> {
  const n = ctx.sizes.jobs;
  const target = await ctx.dbs.fresh("jobs_roster");
  await installQueue(target.url);
  const org = await target.db.insertInto("organisations").values({ name: "Bench Org" }).returning("id").executeTakeFirstOrThrow();
  await sql`insert into connections (organisation_id, connector_id, display_name, credentials_encrypted, next_sync_at)
    select ${org.id}::uuid, 'zenefits', 'Bench ' || i, 'unused', now() - interval '1 minute'
    from generate_series(1, ${n}::int) i`.execute(target.db);
  await settle(target.url);

  const enqueueMs = await ctx.progress.step(`scheduling ${fmt.count(n)} due connections (jobKey each)`, async () => {
    const started = performance.now();
    for (;;) {
      const now = new Date();
      const batch = await target.db.transaction().execute(async (trx) => {
        const due = await trx
          .selectFrom("connections")
          .select(["id"])
          .where("status", "<>", "disabled")
          .where((eb) => eb.or([eb("next_sync_at", "<=", now), eb("next_sync_at", "is", null)]))
          .orderBy("next_sync_at")
          .limit(SCHEDULE_BATCH)
          .forUpdate()
          .skipLocked()
          .execute();
        await queueSyncs(
          trx,
          due.map((c) => ({ connectionId: c.id, trigger: "scheduled" as const })),
          now,
        );
        return due.length;
      });
      if (batch < SCHEDULE_BATCH) break;
    }
    return performance.now() - started;
  });

  const syncConnection: Task = async (payload) => {
    const { connectionId } = payload as SyncConnectionPayload;
    await target.db
      .updateTable("connections")
      .set({ last_sync_at: new Date(), last_success_at: new Date(), next_sync_at: sql`now() + interval '24 hours'` })
      .where("id", "=", connectionId)
      .execute();
  };
  await settle(target.url);
  const drained = await ctx.progress.step(`draining ${fmt.count(n)} sync jobs, concurrency ${WORKER_CONCURRENCY}`, () =>
    drain(target.url, { sync_connection: syncConnection }, n),
  );
  const synced = await target.db
    .selectFrom("connections")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("last_sync_at", "is not", null)
    .executeTakeFirstOrThrow();
  if (Number(synced.n) !== n) throw new Error(`${synced.n} of ${n} connections were synced by the Roster-style jobs`);
  return { enqueueMs, drainMs: drained.ms, failed: drained.failed, jobsPerSecond: rate(n, enqueueMs + drained.ms) };
}

/** graphile-worker alone: the same number of no-op jobs, no queueName, no jobKey, added in the same batch size. */
async function bareArm(ctx: BenchContext): Promise<Arm> {
  const n = ctx.sizes.jobs;
  const target = await ctx.dbs.fresh("jobs_bare");
  await installQueue(target.url);
  await settle(target.url);
  const utils = await makeWorkerUtils({ connectionString: target.url, logger: quietLogger });
  let enqueueMs = 0;
  try {
    enqueueMs = await ctx.progress.step(`adding ${fmt.count(n)} bare jobs`, async () => {
      const started = performance.now();
      for (let i = 0; i < n; i += SCHEDULE_BATCH) {
        const count = Math.min(SCHEDULE_BATCH, n - i);
        await utils.addJobs(Array.from({ length: count }, () => ({ identifier: "noop", payload: {} })));
      }
      return performance.now() - started;
    });
  } finally {
    await utils.release();
  }
  await settle(target.url);
  const drained = await ctx.progress.step(`draining ${fmt.count(n)} bare jobs, concurrency ${WORKER_CONCURRENCY}`, () =>
    drain(target.url, { noop: async () => {} }, n),
  );
  return { enqueueMs, drainMs: drained.ms, failed: drained.failed, jobsPerSecond: rate(n, enqueueMs + drained.ms) };
}

/**
 * Figure 8. Target ≥ 0.3 of bare: performance.md §C measured jobs spread over 100 named
 * queues at 758 jobs/s against 1,887 without (0.40) at the same concurrency; Roster adds
 * one queue per connection, a job key and a row write per job, and ±20% noise puts 0.40
 * at 0.32. Even 0.3 of bare is thousands of times the need: 10,000 connections a day is
 * ~0.1 job/s.
 */
export const jobRunner: Benchmark = {
  id: "8",
  title: TITLE,
  lines: [{ id: "8", title: TITLE }],
  async run(ctx) {
    const bare = await bareArm(ctx);
    const roster = await rosterArm(ctx);
    const n = ctx.sizes.jobs;
    if (roster.failed > 0 || bare.failed > 0) throw new Error(`jobs failed: ${roster.failed} Roster-style, ${bare.failed} bare`);
    return [
      ratioFigure({
        id: "8",
        title: `${TITLE} (${fmt.count(n)} jobs, scheduled + drained)`,
        value: roster.jobsPerSecond,
        baseline: bare.jobsPerSecond,
        format: fmt.rate("jobs/s"),
        op: ">=",
        limit: 0.3,
        details: {
          jobs: n,
          concurrency: WORKER_CONCURRENCY,
          roster: { ...roster, enqueuePerSecond: rate(n, roster.enqueueMs), drainPerSecond: rate(n, roster.drainMs) },
          bare: { ...bare, enqueuePerSecond: rate(n, bare.enqueueMs), drainPerSecond: rate(n, bare.drainMs) },
        },
      }),
    ];
  },
};
