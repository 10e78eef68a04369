import { type ChildProcess, spawn } from "node:child_process";
import { builtCli, releaseDir } from "./built";

export interface BuiltProcess {
  child: ChildProcess;
  /** Everything it wrote so far, stdout and stderr. */
  output(): string;
  /** The first JSON log line (pino) for which `match` returns a value. */
  waitForLog<T>(what: string, match: (line: Record<string, unknown>) => T | undefined, timeoutMs?: number): Promise<T>;
  /** Resolves with the exit code (null when ended by a signal) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * `node release/apps/cli/dist/roster.js <args>` as its own OS process, from the release folder, with only the environment given
 * (plus PATH and HOME): what it reads must come from the documented variables, nothing inherited.
 */
export function startBuilt(args: string[], env: Record<string, string>): BuiltProcess {
  const child = spawn(process.execPath, [builtCli, ...args], {
    cwd: releaseDir,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const listeners = new Set<() => void>();
  const onData = (chunk: unknown) => {
    output += String(chunk);
    for (const listener of listeners) listener();
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => {
      resolve({ code, signal });
      for (const listener of listeners) listener();
    }),
  );

  const scan = <T>(match: (line: Record<string, unknown>) => T | undefined): T | undefined => {
    for (const text of output.split("\n")) {
      if (!text.startsWith("{")) continue;
      try {
        const found = match(JSON.parse(text) as Record<string, unknown>);
        if (found !== undefined) return found;
      } catch {
        // a partial line: the rest is still coming
      }
    }
    return undefined;
  };

  return {
    child,
    output: () => output,
    exited,
    waitForLog(what, match, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        const check = () => {
          const found = scan(match);
          if (found !== undefined) {
            done();
            resolve(found);
          } else if (child.exitCode !== null || child.signalCode !== null) {
            done();
            reject(new Error(`process exited while waiting for ${what}:\n${output}`));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`timed out waiting for ${what}:\n${output}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
  };
}

/** Waits for `ready`; a process that never gets there is killed, so no test leaves it running. */
async function readyOrKilled<T>(p: BuiltProcess, ready: Promise<T>): Promise<T> {
  try {
    return await ready;
  } catch (error) {
    p.child.kill("SIGKILL");
    throw error;
  }
}

/** `roster serve api`, ready once it logs the port it listens on. */
export async function startApi(env: Record<string, string>): Promise<{ process: BuiltProcess; url: string }> {
  const api = startBuilt(["serve", "api"], { API_PORT: "0", ...env });
  const port = await readyOrKilled(
    api,
    api.waitForLog("API listening", (l) => (l.msg === "API listening" ? Number(l.port) : undefined)),
  );
  return { process: api, url: `http://127.0.0.1:${port}` };
}

/** `roster serve worker`, ready once it logs its status port. */
export async function startWorker(env: Record<string, string>): Promise<{ process: BuiltProcess; statusUrl: string }> {
  const worker = startBuilt(["serve", "worker"], { WORKER_HTTP_PORT: "0", ...env });
  const port = await readyOrKilled(
    worker,
    worker.waitForLog("worker started", (l) => (l.msg === "worker started" ? Number(l.statusPort) : undefined)),
  );
  return { process: worker, statusUrl: `http://127.0.0.1:${port}` };
}

/** SIGTERM, then the exit; SIGKILL if it does not stop in time (the test then fails on the code). */
export async function stopGracefully(
  p: BuiltProcess,
  timeoutMs = 30_000,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return p.exited;
  p.child.kill("SIGTERM");
  const timer = setTimeout(() => p.child.kill("SIGKILL"), timeoutMs);
  const result = await p.exited;
  clearTimeout(timer);
  return result;
}
