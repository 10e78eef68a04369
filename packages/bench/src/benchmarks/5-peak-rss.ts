import { type Figure, fmt, ratioFigure } from "../harness/figure";
import { ChildTimeoutError } from "../harness/rss-child";
import { mainSync, prepareSyncTarget, syncOnce } from "../scenarios/zenefits-sync";
import type { Benchmark } from "./types";

const lines = [
  { id: "5a", title: "sync peak RSS, main tenant ÷ tenant a tenth its size" },
  { id: "5b", title: "sync peak RSS, main tenant" },
];

const RSS_LIMIT_MB = 160;
const RATIO_LIMIT = 1.5;

/**
 * Figure 5: memory must stay flat with tenant size (the engine keeps one batch, not the
 * tenant). Each sync ran in its own process and reported process.resourceUsage().maxRSS.
 * When the main sync was killed at the time limit, its peak so far is a lower bound: it
 * still proves a FAIL when it is already over the limit, and proves nothing otherwise.
 */
export const peakRss: Benchmark = {
  id: "5",
  title: "peak RSS",
  lines,
  async run(ctx) {
    const main = await mainSync(ctx).catch((error: unknown) => {
      if (error instanceof ChildTimeoutError) return error;
      throw error;
    });
    const small = await ctx.sim("small");
    const target = await prepareSyncTarget(ctx, small, "small_sync");
    const smallRun = await ctx.progress.step(`initial sync of ${fmt.count(small.people)} people (child process)`, () =>
      syncOnce(ctx, target),
    );
    const people = ctx.sizes.people;
    const smallKb = smallRun.report.maxRssKb;
    const smallDetails = {
      people: small.people,
      maxRssKb: smallKb,
      memory: smallRun.report.result.memory,
      cpu: smallRun.cpu,
      gc: smallRun.report.result.gc,
    };
    const ratioTitle = `${lines[0]!.title} (${fmt.count(people)} ÷ ${fmt.count(small.people)})`;
    const absoluteTitle = `${lines[1]!.title} (${fmt.count(people)} people)`;

    if (main instanceof ChildTimeoutError) {
      const bigKb = main.maxRssKb;
      const ratio = bigKb / smallKb;
      const why = `lower bound: ${main.message}`;
      const bound = (
        id: string,
        title: string,
        value: string,
        baseline: string,
        r: number | null,
        target: string,
        over: boolean,
      ) =>
        ({
          id,
          title,
          value: `≥ ${value}`,
          baseline,
          ratio: r,
          ratioIsLowerBound: r !== null,
          target,
          status: over ? "FAIL" : "ERROR",
          note: over ? why : `${why}; below the limit so far, which proves nothing`,
          details: { main: { people, maxRssKbAtKill: bigKb }, small: smallDetails },
        }) satisfies Figure;
      return [
        bound("5a", ratioTitle, fmt.mb(bigKb), fmt.mb(smallKb), ratio, `<= ${RATIO_LIMIT}`, ratio > RATIO_LIMIT),
        bound("5b", absoluteTitle, fmt.mb(bigKb), "—", null, `< ${RSS_LIMIT_MB} MB`, bigKb / 1024 >= RSS_LIMIT_MB),
      ];
    }

    const bigKb = main.initial.report.maxRssKb;
    const bigDetails = {
      people,
      maxRssKb: bigKb,
      memory: main.initial.report.result.memory,
      cpu: main.initial.cpu,
      gc: main.initial.report.result.gc,
    };
    return [
      ratioFigure({
        id: "5a",
        title: ratioTitle,
        value: bigKb,
        baseline: smallKb,
        format: fmt.mb,
        op: "<=",
        limit: RATIO_LIMIT,
        details: { main: bigDetails, small: smallDetails },
      }),
      {
        id: "5b",
        title: absoluteTitle,
        value: fmt.mb(bigKb),
        baseline: "—",
        ratio: null,
        target: `< ${RSS_LIMIT_MB} MB`,
        status: bigKb / 1024 < RSS_LIMIT_MB ? "PASS" : "FAIL",
        details: bigDetails,
      },
    ];
  },
};
