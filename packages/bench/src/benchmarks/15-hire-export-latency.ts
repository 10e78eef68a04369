import type { ExportFloorInput, ExportFloorResult } from "../children/export-floor";
import { allStarted } from "../harness/concurrency";
import { type Figure, fmt } from "../harness/figure";
import { type LeverSimInfo, startLeverSimProcess, startZenefitsAtsProcess } from "../harness/product-processes";
import { runChild } from "../harness/rss-child";
import type { Service } from "../harness/service";
import { admin, hireInLever, leverConnectionCredentials, type ZenefitsTarget, zenefitsImports } from "../scenarios/lever-world";
import type { Benchmark } from "./types";

const lines = [
  { id: "15a", title: "Lever hire export at a provider's latency: time per hire ÷ (fewest round trips in a row × latency)" },
  { id: "15b", title: "Lever requests per hire ÷ the API's minimum" },
] as const;

/**
 * The fewest answers an export must wait for one after another: Lever's opportunity (with its
 * account's hired archive reasons and stages beside it); then what it names (posting, offers,
 * resumes, interviews, scorecards); then what those name (the resume's bytes, the reports-to);
 * then Zenefits' import. A hire with no usable resume waits for its files' list too.
 */
const FEWEST_ROUND_TRIPS = 4;
const FILES_LIST = "GET /v1/opportunities/:id/files";
const TARGET = 1.25;
/**
 * The fewest Lever requests one export of a complete hire makes: opportunity, hired archive
 * reasons, stages, posting, offers, resumes, the resume's download, interviews, scorecards and
 * the reports-to (reference: lever-api.md §4, §6). A hire with no resume needs its files too, a
 * scorecard by someone on no interview that person; both count above the minimum here.
 */
const MIN_LEVER_REQUESTS = 10;
const floorEntry = new URL("../children/export-floor.ts", import.meta.url);

interface RequestCounts {
  total: number;
  byPath: Record<string, number>;
}

/**
 * Figure 15: `exportHires` hired Lever candidates exported one after another (the product's
 * own hire source and import, as figure 7's baseline runs them) with every answer of Lever and
 * of Zenefits delayed by `latencyMs`, a real provider's round trip. A connection's exports
 * queue one at a time, so what a recruiter waits for is one export's chain of round trips.
 */
export const hireExportLatency: Benchmark = {
  id: "15",
  title: "latency-bound Lever hire export",
  lines: [...lines],
  async run(ctx) {
    const count = ctx.sizes.exportHires;
    const { latencyMs } = ctx.sizes;
    const started: { stop(): Promise<void> }[] = [];
    try {
      const [lever, zenefits] = await ctx.progress.step("starting the Lever and Zenefits simulators", () =>
        allStarted<[Service<LeverSimInfo>, ZenefitsTarget]>(
          [startLeverSimProcess({ opportunities: Math.ceil(count * 1.6) + 10, seed: 7 }), startZenefitsAtsProcess({ seed: 44 })],
          (s) => started.push(s),
        ),
      );
      const hires = await hireInLever(lever, count);
      await admin(lever.info.url, "PUT", "/faults", { latencyMs });
      await admin(zenefits.info.url, "PATCH", "/faults", { latencyMs });
      await admin(lever.info.url, "DELETE", "/requests");
      await admin(zenefits.info.url, "DELETE", "/requests");
      const input: ExportFloorInput = {
        credentials: leverConnectionCredentials(lever, zenefits),
        opportunityIds: hires.map((h) => h.opportunityId),
      };
      const run = await ctx.progress.step(
        `${fmt.count(count)} hire exports one after another, ${latencyMs} ms an answer (child process)`,
        () => runChild<ExportFloorInput, ExportFloorResult>(floorEntry, input, ctx.childTimeoutMs),
      );
      const leverRequests = await admin<RequestCounts>(lever.info.url, "GET", "/requests");
      const zenefitsRequests = await admin<RequestCounts>(zenefits.info.url, "GET", "/requests");
      const imported = new Set((await zenefitsImports(zenefits)).candidates.map((c) => c.external_id)).size;
      if (imported !== count) throw new Error(`${imported} of ${count} hires reached Zenefits`);
      return figures(count, latencyMs, run.result, leverRequests, zenefitsRequests);
    } finally {
      await Promise.all(started.map((s) => s.stop().catch(() => {})));
    }
  },
};

function figures(
  count: number,
  latencyMs: number,
  run: ExportFloorResult,
  lever: RequestCounts,
  zenefits: RequestCounts,
): Figure[] {
  const perHireMs = run.wallMs / count;
  // One more round trip for each hire whose files had to be listed (no usable resume).
  const roundTrips = FEWEST_ROUND_TRIPS * count + (lever.byPath[FILES_LIST] ?? 0);
  const floorMs = (roundTrips * latencyMs) / count;
  const ratio = perHireMs / floorMs;
  const leverPerHire = lever.total / count;
  return [
    {
      id: "15a",
      title: `${lines[0].title} (${fmt.count(count)} hires, ${latencyMs} ms an answer)`,
      value: fmt.seconds(perHireMs),
      baseline: fmt.seconds(floorMs),
      ratio,
      target: `<= ${TARGET}`,
      status: ratio <= TARGET ? "PASS" : "FAIL",
      note:
        `${fmt.seconds(run.wallMs)} for ${fmt.count(count)} exports, ${fmt.count(roundTrips)} round trips in a row at the least; ` +
        `${leverPerHire.toFixed(1)} Lever and ${(zenefits.total / count).toFixed(1)} Zenefits requests per hire`,
      details: { hires: count, latencyMs, wallMs: run.wallMs, perHireMs, roundTrips, floorMs, lever, zenefits, cpu: run },
    },
    {
      id: "15b",
      title: lines[1].title,
      value: leverPerHire.toFixed(1),
      baseline: `${MIN_LEVER_REQUESTS} minimum`,
      ratio: leverPerHire / MIN_LEVER_REQUESTS,
      target: "printed",
      // Informational, as figure 12b: the bar is that it is printed beside the minimum.
      status: "PASS",
      note: `${fmt.count(lever.total)} Lever requests for ${fmt.count(count)} hires: ${Object.entries(lever.byPath)
        .map(([path, n]) => `${path} ${n}`)
        .join(", ")}`,
      details: { requests: lever.total, minimumPerHire: MIN_LEVER_REQUESTS, byPath: lever.byPath },
    },
  ];
}
