import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { freePort } from "@roster/db";
import type { FaultConfig, MutationRequest, MutationResult, RequestLogSnapshot, TruthCounts } from "@roster/sim-zenefits";
import { tsxLoader } from "./repo";

export interface SimProcess {
  url: string;
  token: string;
  pid: number;
  people: number;
  /** Through the admin HTTP endpoint: the simulator lives in another process. */
  mutate(request: MutationRequest): Promise<MutationResult>;
  counts(): Promise<TruthCounts>;
  setFaults(faults: Partial<FaultConfig>): Promise<void>;
  /** Requests the simulator answered since the last clear, by path and status. */
  requestLog(): Promise<RequestLogSnapshot>;
  clearRequestLog(): Promise<void>;
  /** Its companies (one unless started with `companies`), with their head counts. */
  companies(): Promise<{ id: string; people: number }[]>;
  /** A new all-scopes token for one company. */
  createToken(companyId: string): Promise<string>;
  stop(): Promise<void>;
}

const simMain = fileURLToPath(new URL("./main.ts", import.meta.resolve("@roster/sim-zenefits")));

/**
 * Starts the Zenefits simulator's CLI in its own process, so a benchmark's measured process
 * holds only the sync (the simulator keeps ~0.5 GB of people at 100k and renders every page).
 */
export async function startSimProcess(options: { people: number; seed: number; companies?: number }): Promise<SimProcess> {
  const port = await freePort();
  const args = ["--import", tsxLoader, simMain, "--people", String(options.people), "--port", String(port)];
  if (options.companies) args.push("--companies", String(options.companies));
  const child = spawn(process.execPath, [...args, "--seed", String(options.seed)], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, LOG_LEVEL: "warn" },
  });
  const { url, token } = await readyLine(child);
  const admin = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url}/__admin${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`simulator admin ${method} ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  };
  return {
    url,
    token,
    pid: child.pid ?? 0,
    people: options.people,
    mutate: (request) => admin<MutationResult>("POST", "/mutate", request),
    counts: async () => (await admin<{ counts: TruthCounts }>("GET", "/truth")).counts,
    setFaults: async (faults) => {
      await admin("PATCH", "/faults", faults);
    },
    requestLog: () => admin<RequestLogSnapshot>("GET", "/requests"),
    clearRequestLog: async () => {
      await admin("DELETE", "/requests");
    },
    companies: async () => (await admin<{ data: { id: string; people: number }[] }>("GET", "/companies")).data,
    createToken: async (companyId) => (await admin<{ token: string }>("POST", "/tokens", { companyId })).token,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Waits for the CLI's banner and reads the base URL and the all-scopes token from it. */
function readyLine(child: ChildProcess): Promise<{ url: string; token: string }> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => fail(new Error("the simulator did not start within 120 s")), 120_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`${error.message}\n${output.trim()}`));
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /base URL\s*:\s*(\S+)/.exec(output)?.[1];
      const token = /token\s*:\s*(\S+)/.exec(output)?.[1];
      if (url && token && /admin\s*:/.test(output)) {
        clearTimeout(timer);
        child.off("exit", onExit);
        child.stdout?.off("data", onData);
        // Keep draining its output so a chatty simulator never blocks on a full pipe.
        child.stdout?.resume();
        child.stderr?.resume();
        resolve({ url, token });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    const onExit = (code: number | null) => fail(new Error(`the simulator exited with code ${code} before it was ready`));
    child.once("exit", onExit);
  });
}
