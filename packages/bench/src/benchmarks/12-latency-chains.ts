import type { RequestLogSnapshot } from "@roster/sim-zenefits";
import type { SyncChildResult } from "../children/sync";
import type { BenchContext } from "../context";
import { type Figure, fmt, ratioFigure } from "../harness/figure";
import type { Measured } from "../scenarios/measured-child";
import { prepareSyncTarget, syncOnce } from "../scenarios/zenefits-sync";
import type { Benchmark } from "./types";

const lines = [
  { id: "12a", title: "chain figure: full sync ÷ (longest chain pages × latency)" },
  { id: "12b", title: "requests per 1,000 people, full sync ÷ the API's minimum" },
];

/** Zenefits' largest page (reference §4): what the API's minimum number of requests is counted with. */
const API_PAGE_SIZE = 100;
/** The sync's list endpoints: one cursor chain each. */
const LIST_PATHS = [
  "/core/companies",
  "/core/locations",
  "/core/departments",
  "/core/people",
  "/core/employments",
  "/core/custom_fields",
  "/core/custom_field_values",
];

interface Arm {
  measured: Measured<SyncChildResult>;
  requests: RequestLogSnapshot;
}

/**
 * Figure 12: a full sync against a simulator that delays every answer by a real provider's
 * round trip, so the run waits on the provider rather than on this machine. Measured twice in
 * the same run, into fresh databases: the streams one after another, then as the engine
 * chooses (concurrent chains). The chain figure divides the second's wall time by the least
 * any reader needs, the longest single cursor chain's pages one round trip each.
 */
export const latencyChains: Benchmark = {
  id: "12",
  title: "latency-bound full sync",
  lines,
  async run(ctx) {
    const sim = await ctx.sim("latency");
    const { latencyMs } = ctx.sizes;
    await sim.setFaults({ latencyMs });
    const people = sim.people;
    const arm = async (label: string, streamConcurrency: number | undefined): Promise<Arm> => {
      const target = await prepareSyncTarget(ctx, sim, `latency_${label}`);
      await sim.clearRequestLog();
      const measured = await ctx.progress.step(
        `${label} full sync of ${fmt.count(people)} people, ${latencyMs} ms an answer (child process)`,
        () => syncOnce(ctx, target, { streamConcurrency }),
      );
      return { measured, requests: await sim.requestLog() };
    };
    try {
      const sequential = await arm("sequential", 1);
      const concurrent = await arm("concurrent", undefined);
      return figures(ctx, people, latencyMs, sequential, concurrent);
    } finally {
      await sim.setFaults({ latencyMs: 0 });
    }
  },
};

function longestChain(requests: RequestLogSnapshot): { path: string; pages: number } {
  return LIST_PATHS.map((path) => ({ path, pages: requests.byPath[path] ?? 0 })).reduce((a, b) => (b.pages > a.pages ? b : a));
}

function figures(ctx: BenchContext, people: number, latencyMs: number, sequential: Arm, concurrent: Arm): Figure[] {
  const run = concurrent.measured.report.result;
  const chain = longestChain(concurrent.requests);
  const floorMs = chain.pages * latencyMs;
  // What the simulator itself took to answer that chain (delay + rendering, on a shared box):
  // the part of the wall time that was the provider's, not the sync's.
  const served = concurrent.requests.recent.filter((entry) => entry.path === chain.path);
  const providerMs = served.length === chain.pages ? served.reduce((sum, entry) => sum + entry.durationMs, 0) : null;
  // The fewest requests the API allows: each collection read in its largest pages (an empty one
  // still takes a request), and /core/me, which says what the token may read.
  const minimum = 1 + Object.values(run.counts).reduce((sum, c) => sum + Math.max(1, Math.ceil(c.read / API_PAGE_SIZE)), 0);
  const perThousand = (n: number) => (n * 1000) / people;
  const sequentialRun = sequential.measured.report.result;
  const sequentialRatio = sequentialRun.wallMs / floorMs;
  // Pages grow with people, so the ratio holds at any size; the minutes it stands for do not.
  const scale = 100_000 / people;
  const at100k = (ms: number) => `${((ms * scale) / 60_000).toFixed(1)} min`;
  const arms = { sequential, concurrent };
  const details = Object.fromEntries(
    Object.entries(arms).map(([name, a]) => [
      name,
      {
        ...a.measured.report.result,
        cpu: a.measured.cpu,
        maxRssKb: a.measured.report.maxRssKb,
        requests: { total: a.requests.total, byPath: a.requests.byPath, byStatus: a.requests.byStatus },
      },
    ]),
  );
  return [
    ratioFigure({
      id: "12a",
      title: lines[0]!.title,
      value: run.wallMs,
      baseline: floorMs,
      format: fmt.seconds,
      op: "<=",
      limit: 1.15,
      note:
        `${fmt.count(people)} people, ${latencyMs} ms an answer, ${run.streamConcurrency} streams at once; ` +
        `longest chain ${chain.path} ${chain.pages} pages` +
        (providerMs === null
          ? "; "
          : `, answered in ${fmt.seconds(providerMs)} (÷ that: ${(run.wallMs / providerMs).toFixed(2)}); `) +
        "streams one after another: " +
        `${fmt.seconds(sequentialRun.wallMs)} = ${sequentialRatio.toFixed(2)}× the chain; ` +
        `at 100,000 people ≈ ${at100k(run.wallMs)} against ${at100k(sequentialRun.wallMs)} one after another`,
      details: { people, latencyMs, longestChain: chain, floorMs, providerMs, sequentialRatio, ...details },
    }),
    {
      id: "12b",
      title: lines[1]!.title,
      value: perThousand(concurrent.requests.total).toFixed(1),
      baseline: `${perThousand(minimum).toFixed(1)} minimum`,
      ratio: concurrent.requests.total / minimum,
      target: "printed",
      // Informational: the bar is that it is printed beside the minimum, not a ratio.
      status: "PASS",
      note: `${fmt.count(concurrent.requests.total)} requests for ${fmt.count(people)} people; the API's minimum ${fmt.count(minimum)} (pages of ${API_PAGE_SIZE})`,
      details: { requests: concurrent.requests.total, minimum, counts: run.counts, sizes: ctx.sizes.latencyPeople },
    },
  ];
}
