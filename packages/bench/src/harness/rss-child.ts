import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { tsxLoader } from "./repo";

/** What every measured child reports besides its own result. */
export interface ChildReport<T> {
  result: T;
  /** process.resourceUsage().maxRSS at the end, in KB: the child's peak resident set. */
  maxRssKb: number;
}

type Message<T> = { ok: true; report: ChildReport<T> } | { ok: false; error: string };

const INPUT_ENV = "ROSTER_BENCH_CHILD_INPUT";

/**
 * The V8 flags apps/worker starts with (its package.json "start"): a measured sync runs as
 * the worker would. A 4 MB young generation keeps a 100k sync's peak RSS ~20 MB lower for a
 * few percent more scavenging. The floor runs with them too, so figure 1 compares like with like.
 */
const WORKER_NODE_FLAGS = ["--max-semi-space-size=4"];

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

/**
 * Runs one measured piece of work (a sync, the raw floor) in a fresh Node process, so its
 * peak RSS and CPU are its own: not the bench's, not the simulator's. Input goes in by
 * environment, the result comes back over IPC. It starts with the worker's V8 flags unless
 * told otherwise (a consumer of the API is a process of Node's defaults).
 */
export function runChild<I, O>(entry: URL, input: I, timeoutMs: number, nodeFlags = WORKER_NODE_FLAGS): Promise<ChildReport<O>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, "--import", tsxLoader, fileURLToPath(entry)], {
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      env: { ...process.env, LOG_LEVEL: "warn", [INPUT_ENV]: JSON.stringify(input) },
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
    let message: Message<O> | undefined;
    child.on("message", (m) => {
      message = m as Message<O>;
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

/** The child side: runs `fn` on the input, sends the result and its peak RSS, exits. */
export function childMain<I, O>(fn: (input: I) => Promise<O>): void {
  const send = (message: Message<O>) =>
    new Promise<void>((resolve) => {
      if (!process.send) {
        console.log(JSON.stringify(message));
        return resolve();
      }
      process.send(message, () => resolve());
    });
  const raw = process.env[INPUT_ENV];
  const run = async () => {
    if (!raw) throw new Error(`${INPUT_ENV} is not set: this file is started by the bench`);
    const result = await fn(JSON.parse(raw) as I);
    await send({ ok: true, report: { result, maxRssKb: process.resourceUsage().maxRSS } });
  };
  run().then(
    () => process.exit(0),
    async (error: unknown) => {
      await send({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      process.exit(1);
    },
  );
}
