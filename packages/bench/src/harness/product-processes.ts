import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "@roster/db";
import { withClient } from "./database";
import { imageEnv, startFlags } from "./deployed-process";
import { repoRoot } from "./repo";
import { type Service, startService } from "./service";

/** A package's entry file next to its exported index (apps/api/src/main.ts, apps/worker/src/main.ts, …). */
const entryOf = (specifier: string, file = "main.ts") => fileURLToPath(new URL(`./${file}`, import.meta.resolve(specifier)));

export interface ProductEnv {
  databaseUrl: string;
  encryptionKey: string;
}

/** What apps/api and apps/worker read at start, as the image runs them; never sandbox (no demo seed, no simulators, no mail catcher). */
function productEnv(input: ProductEnv): Record<string, string> {
  return {
    ...imageEnv(),
    DATABASE_URL: input.databaseUrl,
    ENCRYPTION_KEY: input.encryptionKey,
    SANDBOX: "false",
    NODE_ENV: "production",
  };
}

let apiBundle: Promise<string> | undefined;

/**
 * apps/api's production bundle (its tsup build, what the release and the image run), built once
 * per bench run into a folder of its own (removed at exit), so the API's figures measure the
 * code production runs, not the tsx loader `pnpm start` uses.
 */
function builtApi(): Promise<string> {
  apiBundle ??= new Promise<string>((resolve, reject) => {
    const outDir = mkdtempSync(path.join(os.tmpdir(), "roster-bench-api-"));
    process.once("exit", () => rmSync(outDir, { recursive: true, force: true }));
    const build = spawn("pnpm", ["--filter", "@roster/api", "exec", "tsup", "--out-dir", outDir], {
      cwd: repoRoot(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    build.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    build.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    build.on("error", reject);
    build.on("exit", (code) =>
      code === 0
        ? resolve(path.join(outDir, "serve.js"))
        : reject(new Error(`building apps/api failed (exit ${code}):\n${output.slice(-4000)}`)),
    );
  });
  return apiBundle;
}

/**
 * The API as it runs in production: apps/api's built bundle (`node dist/serve.js`) with the V8
 * flags of its start script, in its own process on a free port, in production mode. Ready once /healthz answers (200, or 503 while no
 * worker has beaten yet).
 */
export async function startApiProcess(
  input: ProductEnv & { extraEnv?: Record<string, string> },
): Promise<Service<{ url: string }>> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  return startService({
    name: "API (apps/api, built)",
    entry: await builtApi(),
    nodeFlags: startFlags("@roster/api"),
    env: {
      ...productEnv(input),
      API_PORT: String(port),
      API_PUBLIC_URL: url,
      PUBLIC_URL: url,
      // Production requires a mail server; no figure makes the API send mail.
      SMTP_URL: "smtp://127.0.0.1:9",
      ...input.extraEnv,
    },
    ready: async () => {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      return { url };
    },
  });
}

/**
 * The worker as it runs in production: apps/worker/src/main.ts (its task list, crontab,
 * concurrency and heartbeat). Ready once its first heartbeat row is written, which happens
 * after graphile-worker's schema is installed and the runner has started.
 */
export async function startWorkerProcess(
  input: ProductEnv & { extraEnv?: Record<string, string> },
): Promise<Service<{ workerId: string }>> {
  return startService({
    name: "worker (apps/worker)",
    entry: entryOf("@roster/worker"),
    nodeFlags: startFlags("@roster/worker"),
    env: { ...productEnv(input), ...input.extraEnv },
    ready: () =>
      withClient(input.databaseUrl, async (client) => {
        const { rows } = await client.query<{ worker_id: string }>("select worker_id from worker_heartbeats limit 1");
        return rows[0] ? { workerId: rows[0].worker_id } : undefined;
      }),
  });
}

export interface LeverSimInfo {
  /** API base without /v1. */
  url: string;
  apiKey: string;
  signingToken: string;
}

/**
 * packages/sim-lever's CLI in its own process, with its rate limit off: Lever's 10 requests/s
 * per key is a provider's politeness the connector already honours, and at ~12 reads per
 * export it would make this figure a measure of Lever's limit (see README, figure 7).
 */
export function startLeverSimProcess(options: { opportunities: number; seed: number }): Promise<Service<LeverSimInfo>> {
  const args = [
    "--opportunities",
    String(options.opportunities),
    "--seed",
    String(options.seed),
    "--port",
    "0",
    "--no-rate-limit",
  ];
  return startService({
    name: "Lever simulator",
    entry: entryOf("@roster/sim-lever"),
    args,
    ready: (output) => {
      const url = /API base URL:\s*(\S+)/.exec(output)?.[1];
      const apiKey = /API key:\s*(\S+)/.exec(output)?.[1];
      const signingToken = /Signing token:\s*(\S+)/.exec(output)?.[1];
      return url && apiKey && signingToken && /Admin:/.test(output) ? { url, apiKey, signingToken } : undefined;
    },
  });
}

export interface ZenefitsAtsInfo {
  url: string;
  companyId: string;
  clientSecret: string;
}

/**
 * packages/sim-zenefits' CLI in its own process, for its ATS import channel (where hire exports
 * land): the smallest tenant, since the channel needs no directory. Company and client secret
 * come from its banner.
 */
export function startZenefitsAtsProcess(options: { seed: number }): Promise<Service<ZenefitsAtsInfo>> {
  return startService({
    name: "Zenefits simulator",
    entry: entryOf("@roster/sim-zenefits"),
    args: ["--people", "20", "--seed", String(options.seed), "--port", "0"],
    ready: (output) => {
      const url = /base URL\s*:\s*(\S+)/.exec(output)?.[1];
      const ats = /ATS\s*:\s*company (\S+), client secret (\S+)/.exec(output);
      return url && ats?.[1] && ats[2] ? { url, companyId: ats[1], clientSecret: ats[2] } : undefined;
    },
  });
}
