import { type ChildProcess, spawn } from "node:child_process";
import { tsxLoader } from "./repo";

/** A long-running product process (API, worker, Lever simulator) started by a benchmark. */
export interface Service<T> {
  name: string;
  pid: number;
  /** What `ready` returned: the URL, keys or whatever the process announced. */
  info: T;
  /** Its last 20 kB of stdout and stderr, for error messages. */
  output(): string;
  /** SIGTERM (its own graceful shutdown), SIGKILL after `graceMs`; resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
}

export interface ServiceOptions<T> {
  name: string;
  /** A TypeScript entry, run with `node --import tsx` like the measured children; a built `.js` runs on plain Node. */
  entry: string;
  args?: string[];
  /** Flags for node itself, before the entry (e.g. the V8 flags a package's start script uses). */
  nodeFlags?: string[];
  /** Added to the bench's environment (DATABASE_URL, ports, keys …). */
  env?: Record<string, string>;
  /** Polled every 100 ms with the output so far until it returns a value: the process is ready. */
  ready(output: string): Promise<T | undefined> | T | undefined;
  timeoutMs?: number;
}

const live = new Set<ChildProcess>();

/** Kills every service still running (the bench is ending or being interrupted). */
export function killServices(): void {
  for (const child of live) child.kill("SIGKILL");
}

/** ROSTER_BENCH_CPU_PROF=DIR: every process the bench starts writes a V8 CPU profile there when it exits. */
export function cpuProfileFlags(): string[] {
  const dir = process.env.ROSTER_BENCH_CPU_PROF;
  return dir ? ["--cpu-prof", `--cpu-prof-dir=${dir}`] : [];
}

/** Starts `entry` in its own Node process and waits until `ready` says it serves. */
export async function startService<T>(options: ServiceOptions<T>): Promise<Service<T>> {
  const loader = options.entry.endsWith(".ts") ? ["--import", tsxLoader] : [];
  const argv = [...(options.nodeFlags ?? []), ...cpuProfileFlags(), ...loader, options.entry, ...(options.args ?? [])];
  const child = spawn(process.execPath, argv, {
    stdio: ["ignore", "pipe", "pipe"],
    // Quiet logs, like the measured children: the bench measures the work, not the logging.
    env: { ...process.env, LOG_LEVEL: "warn", ...options.env },
  });
  live.add(child);
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  // Always drained, so a chatty process never blocks on a full pipe.
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  // A process that cannot be spawned or signalled says so here instead of crashing the bench.
  child.on("error", (error) => keep(Buffer.from(`\n${error.message}\n`)));
  const exited = new Promise<void>((resolve) => {
    child.once("exit", () => {
      live.delete(child);
      resolve();
    });
  });
  const stop = async (graceMs = 10_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    await exited;
    clearTimeout(timer);
  };

  const deadline = performance.now() + (options.timeoutMs ?? 60_000);
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`exited with ${child.signalCode ?? `code ${child.exitCode}`} before it was ready`);
      }
      const info = await Promise.resolve(options.ready(output)).catch(() => undefined);
      if (info !== undefined) return { name: options.name, pid: child.pid ?? 0, info, output: () => output, stop };
      if (performance.now() > deadline)
        throw new Error(`was not ready within ${Math.round((options.timeoutMs ?? 60_000) / 1000)} s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch (error) {
    await stop(2_000);
    throw new Error(`${options.name}: ${(error as Error).message}\n${output.trim().slice(-3000)}`);
  }
}

/** Stops services in parallel, never throwing: used in `finally` blocks. */
export async function stopAll(services: readonly (Service<unknown> | undefined)[]): Promise<void> {
  await Promise.all(services.map((s) => s?.stop().catch(() => {})));
}
