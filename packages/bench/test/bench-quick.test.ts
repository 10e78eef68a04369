/**
 * Smoke test of `pnpm bench --quick`: it must run to the end, print a line for every
 * figure and write valid JSON. Timings and PASS/FAIL are deliberately not checked: a busy
 * CI box would make them flaky, and the quick sizes are too small to mean anything.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const benchDir = fileURLToPath(new URL("..", import.meta.url));
const figureIds = [
  "1",
  "2",
  "3a",
  "3b",
  "4a",
  "4b",
  "4c",
  "5a",
  "5b",
  "6a",
  "6b",
  "7",
  "8",
  "9",
  "10",
  "11",
  "12a",
  "12b",
  "13a",
  "13b",
  "15a",
  "15b",
];
const statuses = ["PASS", "FAIL", "NOT MEASURED"];

function runQuickBench(outDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Under the root test setup, reuse its PostgreSQL and its database prefix (its teardown drops leftovers).
  if (process.env.ROSTER_TEST_ADMIN_URL) env.DATABASE_URL = process.env.ROSTER_TEST_ADMIN_URL;
  if (process.env.ROSTER_TEST_PREFIX) env.ROSTER_BENCH_DB_PREFIX = `${process.env.ROSTER_TEST_PREFIX}_bench`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "--quick", "--out", outDir], { cwd: benchDir, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("pnpm bench --quick", () => {
  let outDir = "";
  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it("completes, prints every figure line and writes valid JSON", async () => {
    outDir = await mkdtemp(path.join(os.tmpdir(), "roster-bench-quick-"));
    const { code, stdout, stderr } = await runQuickBench(outDir);
    expect(code, `bench exited with ${code}\n${stderr.slice(-3000)}`).toBe(0);

    for (const id of figureIds) expect(stdout, `no table line for figure ${id}`).toMatch(new RegExp(`^${id}  \\S`, "m"));

    const files = (await readdir(outDir)).filter((f) => f.endsWith(".json"));
    expect(files).toHaveLength(1);
    const results = JSON.parse(await readFile(path.join(outDir, files[0]!), "utf8")) as {
      mode: string;
      figures: { id: string; status: string; ratio: number | null; details?: unknown }[];
    };
    expect(results.mode).toBe("quick");
    expect(results.figures.map((f) => f.id)).toEqual(figureIds);
    for (const figure of results.figures) expect(statuses).toContain(figure.status);

    // Figure 5 says where the sync's memory went and what the collector cost, not only the peak.
    const peak = results.figures.find((f) => f.id === "5b")?.details as {
      maxRssKb: number;
      memory: { heapTotalMb: number; atRssPeak: { rssMb: number; anonMb: number; fileMb: number } };
      gc: { minorMs: number; majorMs: number };
    };
    expect(peak.memory.heapTotalMb).toBeGreaterThan(0);
    expect(peak.memory.atRssPeak.anonMb + peak.memory.atRssPeak.fileMb).toBeGreaterThan(0);
    // The sampled peak cannot exceed the process's own maxRSS (beyond the 0.1 MB it is rounded to).
    expect(peak.memory.atRssPeak.rssMb * 1024).toBeLessThanOrEqual(peak.maxRssKb + 103);
    expect(peak.gc.minorMs + peak.gc.majorMs).toBeGreaterThan(0);

    // Figure 3a reports one of its COPY/write-path pairs (quick mode measures one), every pair kept.
    const write = results.figures.find((f) => f.id === "3a")?.details as {
      oursMs: number;
      copyMs: number;
      pairs: { upsertMs: number; copyMs: number; ratio: number }[];
    };
    expect(write.pairs).toHaveLength(1);
    expect(write.pairs[0]).toMatchObject({ upsertMs: write.oursMs, copyMs: write.copyMs });
    expect(write.pairs[0]!.ratio).toBeCloseTo(write.oursMs / write.copyMs, 6);
  });
});
