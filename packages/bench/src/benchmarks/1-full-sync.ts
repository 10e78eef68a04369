import type { FloorChildInput, FloorChildResult } from "../children/floor";
import type { SyncChildResult } from "../children/sync";
import { settle } from "../harness/database";
import { fmt, ratioFigure } from "../harness/figure";
import { createConnection } from "../harness/fixtures";
import { ChildTimeoutError } from "../harness/rss-child";
import { runMeasured } from "../scenarios/measured-child";
import { mainSync } from "../scenarios/zenefits-sync";
import type { Benchmark } from "./types";

const floorEntry = new URL("../children/floor.ts", import.meta.url);
const TITLE = "full sync ÷ raw fetch+parse+map+COPY floor";

/**
 * Figure 1: the whole product path (connector over HTTP → engine → upserts, run
 * bookkeeping, deletion check, reference resolution) against the least any sync of the
 * same pages could do. The sync runs first, so a cold simulator counts against us.
 */
export const fullSync: Benchmark = {
  id: "1",
  title: TITLE,
  lines: [{ id: "1", title: TITLE }],
  async run(ctx) {
    const sim = await ctx.sim("main");
    // A sync killed at the time limit still gets a figure: FAIL, with the ratio as a lower bound.
    const main = await mainSync(ctx).catch((error: unknown) => {
      if (error instanceof ChildTimeoutError) return error;
      throw error;
    });
    const db = await ctx.dbs.fresh("raw_floor");
    const fixture = await createConnection(db.db);
    await settle(db.url);
    const input: FloorChildInput = { databaseUrl: db.url, simUrl: sim.url, token: sim.token, ...fixture };
    const floor = await ctx.progress.step("raw floor: same pages, fetch + JSON.parse + map + COPY (child process)", () =>
      runMeasured<FloorChildInput, FloorChildResult>(ctx, sim, floorEntry, input),
    );
    const floorResult = floor.report.result;
    const floorDetails = { ...floorResult, cpu: floor.cpu, maxRssKb: floor.report.maxRssKb };
    const title = `${TITLE} (${fmt.count(sim.people)} people)`;
    if (main instanceof ChildTimeoutError) {
      return [
        {
          id: "1",
          title,
          value: `> ${fmt.seconds(main.limitMs)}`,
          baseline: fmt.seconds(floorResult.wallMs),
          ratio: main.limitMs / floorResult.wallMs,
          ratioIsLowerBound: true,
          target: "<= 1.25",
          status: "FAIL",
          note: `${main.message} (peak RSS so far ${fmt.mb(main.maxRssKb)})`,
          details: { sync: { timedOutAfterMs: main.limitMs, maxRssKb: main.maxRssKb }, floor: floorDetails },
        },
      ];
    }
    const sync = main.initial.report.result;
    checkSameRecords(sync, floorResult);
    return [
      ratioFigure({
        id: "1",
        title,
        value: sync.wallMs,
        baseline: floorResult.wallMs,
        format: fmt.seconds,
        op: "<=",
        limit: 1.25,
        details: {
          sync: { ...sync, cpu: main.initial.cpu, maxRssKb: main.initial.report.maxRssKb },
          floor: floorDetails,
          providerRateLimit: ctx.providerRateLimit,
        },
      }),
    ];
  },
};

/** Both arms must have read the same records, or the ratio compares different work. */
function checkSameRecords(sync: SyncChildResult, floor: FloorChildResult): void {
  for (const [stream, records] of Object.entries(floor.records)) {
    const read = sync.counts[stream]?.read ?? -1;
    const expected = records + (floor.failures[stream] ?? 0);
    if (read !== expected) throw new Error(`stream ${stream}: the sync read ${read} records, the floor ${expected}`);
  }
}
