import type { ExportFloorInput, ExportFloorResult } from "../children/export-floor";
import type { BenchContext } from "../context";
import { type Figure, fmt } from "../harness/figure";
import { formatMs } from "../harness/latency";
import { runChild } from "../harness/rss-child";
import { type HireBurst, runHireBurst } from "../scenarios/hire-burst";
import { type HireWorld, leverConnectionCredentials, prepareHireWorld, zenefitsImports } from "../scenarios/lever-world";
import type { Benchmark } from "./types";

const TITLE = "Lever webhook burst: first delivery → last import ÷ serial export floor";
/** README, figure 7: intake, queue and transfer record may at most double the provider work of the exports. */
const RATIO_LIMIT = 2.0;
/** The quick run is a smoke test inside a CI time budget: it stops waiting early (and then reports a lower bound). */
const QUICK_WAIT_MS = 20_000;
const floorEntry = new URL("../children/export-floor.ts", import.meta.url);

/** The baseline: the same exports' provider calls back to back, into a Zenefits of their own. */
async function exportFloor(ctx: BenchContext, world: HireWorld): Promise<ExportFloorResult & { maxRssKb: number }> {
  const input: ExportFloorInput = {
    credentials: leverConnectionCredentials(world.lever, world.floorZenefits),
    opportunityIds: world.hires.map((h) => h.opportunityId),
  };
  const floor = await ctx.progress.step(
    `baseline: the same ${fmt.count(world.hires.length)} exports' provider calls, back to back (child process)`,
    () => runChild<ExportFloorInput, ExportFloorResult>(floorEntry, input, ctx.childTimeoutMs),
  );
  const imported = new Set((await zenefitsImports(world.floorZenefits)).candidates.map((c) => c.external_id)).size;
  if (imported !== world.hires.length) throw new Error(`the baseline imported ${imported} of ${world.hires.length} hires`);
  return { ...floor.result, maxRssKb: floor.maxRssKb };
}

function hireFigure(n: number, run: HireBurst, floor: ExportFloorResult): Figure {
  const { outcome, drain, burst } = run;
  const intakeErrors = [...run.unexpectedAnswers, ...burst.errors];
  const summary =
    `intake ${fmt.rate("deliveries/s")((run.deliveries.total / burst.wallMs) * 1000)} ` +
    `(${Object.entries(run.answers)
      .map(([status, count]) => `${fmt.count(count)}×${status}`)
      .join(", ")}); ` +
    `${formatMs(outcome.importGapsMs.p50)} median, ${formatMs(outcome.importGapsMs.p95)} p95 between imports against ` +
    `${formatMs(floor.wallMs / n)} per export in the baseline; ` +
    `${fmt.count(outcome.imported)} imported, ${fmt.count(outcome.importCalls)} import calls, ${fmt.count(outcome.transfers)} transfers` +
    (outcome.reconciledOthers.length
      ? `; reconcile_hires (15-minute cron) also exported ${outcome.reconciledOthers.length} Lever hire(s) outside the burst`
      : "");
  const intakeNote = intakeErrors.length ? `webhook route: ${intakeErrors.slice(0, 3).join("; ")}; ` : "";
  const base = {
    id: "7",
    title: `${TITLE} (${fmt.count(n)} hires + ${fmt.count(run.deliveries.total - n)} duplicates)`,
    baseline: fmt.seconds(floor.wallMs),
    target: `exactly once, <= ${RATIO_LIMIT}`,
    details: { hires: n, ...run, floor: { ...floor, exportsPerSecond: (n / floor.wallMs) * 1000 } },
  };
  if (drain.timedOut) {
    // Still importing at the limit: the time is a lower bound, and exactly-once can only be refuted so far.
    const cutOffMs = burst.wallMs + drain.waitedMs;
    const safety = outcome.wrong.length ? `exactly-once check failed: ${outcome.wrong.join("; ")}` : "none imported twice so far";
    return {
      ...base,
      value: `> ${fmt.seconds(cutOffMs)}`,
      ratio: cutOffMs / floor.wallMs,
      ratioIsLowerBound: true,
      status: "FAIL",
      note: `${intakeNote}stopped waiting after ${fmt.seconds(cutOffMs)}: ${fmt.count(drain.succeeded)} of ${fmt.count(n)} imported, ${fmt.count(drain.jobsLeft)} export jobs still queued; ${safety}; ${summary}`,
    };
  }
  const problems = [...outcome.wrong, ...outcome.missing];
  const ratio = run.toLastImportMs === null ? null : run.toLastImportMs / floor.wallMs;
  const pass = outcome.exactlyOnce && intakeErrors.length === 0 && ratio !== null && ratio <= RATIO_LIMIT;
  return {
    ...base,
    value: run.toLastImportMs === null ? "—" : fmt.seconds(run.toLastImportMs),
    ratio,
    status: pass ? "PASS" : "FAIL",
    note: `${intakeNote}${outcome.exactlyOnce ? "exactly once" : `exactly-once check failed: ${problems.join("; ")}`}; ${summary}`,
  };
}

/**
 * Figure 7: `sizes.hires` hired candidates delivered as signed candidateHired webhooks (plus
 * 10% duplicates) in one burst to the real API while the real worker exports them. PASS needs
 * every candidate imported exactly once and every delivery answered as it should, then the
 * time from the first delivery to the last import within RATIO_LIMIT of the baseline: the same
 * exports' provider calls back to back in one process, since the product's queue runs a
 * connection's exports one at a time too. The wait is bounded by --child-timeout.
 */
export const leverWebhooks: Benchmark = {
  id: "7",
  title: "Lever webhook burst",
  lines: [{ id: "7", title: TITLE }],
  async run(ctx) {
    const world = await prepareHireWorld(ctx);
    try {
      const run = await runHireBurst(ctx, world, ctx.quick ? QUICK_WAIT_MS : ctx.childTimeoutMs);
      const floor = await exportFloor(ctx, world);
      return [hireFigure(world.hires.length, run, floor)];
    } finally {
      await world.stop();
    }
  },
};
