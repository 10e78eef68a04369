import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { freePort } from "@roster/db";
import type { BatchRequest, BatchResult, TruthCounts } from "@roster/sim-bamboohr";
import { tsxLoader } from "./repo";

export interface BambooHrSimProcess {
  /** Server root: the connector's baseUrl. */
  url: string;
  companyDomain: string;
  /** The first company's full-access key. */
  apiKey: string;
  pid: number;
  employees: number;
  mutate(request: BatchRequest): Promise<BatchResult>;
  counts(): Promise<TruthCounts>;
  stop(): Promise<void>;
}

const simMain = fileURLToPath(new URL("./main.ts", import.meta.resolve("@roster/sim-bamboohr")));

/** The BambooHR simulator's CLI in its own process, so a measured child holds only the sync. */
export async function startBambooHrSimProcess(options: { employees: number; seed: number }): Promise<BambooHrSimProcess> {
  const port = await freePort();
  const args = ["--import", tsxLoader, simMain, "--employees", String(options.employees), "--port", String(port)];
  const child = spawn(process.execPath, [...args, "--seed", String(options.seed)], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, LOG_LEVEL: "warn" },
  });
  const banner = await new Promise<{ url: string; apiKey: string; companyDomain: string }>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => fail(new Error("the BambooHR simulator did not start within 180 s")), 180_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`${error.message}\n${output.trim()}`));
    };
    const onExit = (code: number | null) =>
      fail(new Error(`the BambooHR simulator exited with code ${code} before it was ready`));
    child.once("exit", onExit);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const gateway = /gateway\s*:\s*(\S+)/.exec(output)?.[1];
      const apiKey = /API key\s*:\s*(\S+)/.exec(output)?.[1];
      const admin = /admin\s*:\s*(\S+)/.exec(output)?.[1];
      if (!gateway || !apiKey || !admin) return;
      const match = /^(.*)\/api\/gateway\.php\/([^/]+)$/.exec(gateway);
      if (!match) return fail(new Error(`unexpected gateway URL ${gateway}`));
      clearTimeout(timer);
      child.off("exit", onExit);
      // Keep draining its output so the simulator never blocks on a full pipe.
      child.stdout?.removeAllListeners("data");
      child.stdout?.resume();
      child.stderr?.resume();
      resolve({ url: match[1]!, companyDomain: match[2]!, apiKey });
    });
  });
  const admin = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${banner.url}/__admin${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`simulator admin ${method} ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  };
  return {
    ...banner,
    pid: child.pid ?? 0,
    employees: options.employees,
    mutate: (request) => admin<BatchResult>("POST", "/mutate", request),
    counts: async () => (await admin<{ counts: TruthCounts }>("GET", "/truth")).counts,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
