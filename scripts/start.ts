import "@roster/config/require-supported-node";
import { type ChildProcess, spawn } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEMO_PASSWORD, DEMO_USERS } from "@roster/api/demo-logins";
import { ConfigError, loadConfig } from "@roster/config";
import { DatabaseUnavailableError } from "@roster/db";
import { findInLog, serviceOutput, tailOf } from "./start/console";
import { startDatabase } from "./start/database";
import { sandboxLeverLines, sandboxLeverValues } from "./start/sandbox-values";
import { localEncryptionKey } from "./start/secrets";
import { services } from "./start/services";
import { readyLines, sandboxConnectHints, sandboxSimulators, sandboxUrlEnvironment } from "./start/simulators";

// `pnpm start`: everything for a first look, in sandbox mode. Ctrl-C stops it all.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const log = (line: string) => console.log(`[roster] ${line}`);
/** How long services get to finish their own shutdown (the worker's is 25 s) before they are killed. */
const STOP_GRACE_MS = 30_000;

/** Signals a service's whole process group; a group already gone is fine. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group has exited
  }
}

async function waitForReady(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

async function main(): Promise<void> {
  const config = loadConfig({ SANDBOX: "true", NODE_ENV: "development", ...process.env });
  const output = serviceOutput(config.ROSTER_DATA_DIR, process.argv.includes("--verbose"));
  const database = await startDatabase(config, log);
  const ports = { api: config.API_PORT, web: config.WEB_PORT };
  const simulators = sandboxSimulators(root, process.env);
  const simulatorOf = (connector: string) => simulators.find((s) => s.connector === connector);
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    DATABASE_URL: database.url,
    ENCRYPTION_KEY: config.ENCRYPTION_KEY ?? localEncryptionKey(config.ROSTER_DATA_DIR),
    SANDBOX: "true",
    NODE_ENV: config.NODE_ENV,
    API_PORT: String(ports.api),
    PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${ports.web}`,
    WEB_PORT: String(ports.web),
    ...sandboxUrlEnvironment(simulators),
    // What the connect forms show in sandbox mode: the values to paste for each simulator.
    SANDBOX_CONNECT_HINTS: JSON.stringify(sandboxConnectHints(simulators)),
  };

  // Local tools (the roster CLI) find the running database here when DATABASE_URL is unset.
  const runtimeFile = path.resolve(config.ROSTER_DATA_DIR, "runtime.json");
  writeFileSync(runtimeFile, `${JSON.stringify({ databaseUrl: database.url, pid: process.pid }, null, 2)}\n`, { mode: 0o600 });

  const children: ChildProcess[] = [];
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log("stopping…");
    for (const child of children) if (child.exitCode === null) signalGroup(child, "SIGTERM");
    const exited = Promise.all(
      children.map((child) => (child.exitCode === null ? new Promise((r) => child.once("exit", r)) : undefined)),
    );
    const deadline = new Promise<"late">((r) => setTimeout(() => r("late"), STOP_GRACE_MS).unref());
    if ((await Promise.race([exited, deadline])) === "late")
      log(`a service did not stop within ${STOP_GRACE_MS / 1000} s; killing it`);
    // Whatever a service left behind in its group (tsx's node, vite's esbuild) goes too.
    for (const child of children) signalGroup(child, "SIGKILL");
    await database.embedded?.stop();
    rmSync(runtimeFile, { force: true });
    log("stopped");
    process.exit(code);
  };
  process.on("SIGINT", () => void stopAll(0));
  process.on("SIGTERM", () => void stopAll(0));
  // Last resort if this process ends another way: no service group is left running.
  process.on("exit", () => {
    for (const child of children) signalGroup(child, "SIGKILL");
  });

  for (const service of services(root, simulators)) {
    log(`starting ${service.name}`);
    const [command, ...args] = service.command as [string, ...string[]];
    // Its own process group: stopping signals the service and every process it started (pnpm
    // runs tsx, which runs node), so none outlives `pnpm start`, crash or Ctrl-C alike.
    const child = spawn(command, args, {
      cwd: path.join(root, service.dir),
      env: { ...env, ...service.env },
      stdio: output.stdio(service.name),
      detached: true,
    });
    child.on("exit", (code, signal) => {
      if (!stopping) {
        log(`${service.name} exited (${signal ?? code}); stopping everything`);
        if (!output.verbose) {
          log(`the end of its log (${output.file(service.name)}):`);
          for (const line of tailOf(output.file(service.name))) console.log(`  ${line}`);
        }
        void stopAll(1);
      } else {
        log(`${service.name} stopped`);
      }
    });
    children.push(child);
  }

  const hasApi = services(root, simulators).some((s) => s.name === "api");
  if (hasApi && !(await waitForReady(`http://127.0.0.1:${ports.api}/readyz`, 60_000))) {
    log("the API did not become ready within 60 s");
    await stopAll(1);
    return;
  }
  log("ready");
  log(`dashboard: http://localhost:${ports.web}`);
  for (const user of DEMO_USERS) log(`demo login: ${user.email} / ${DEMO_PASSWORD} (${user.role})`);
  if (!output.verbose && services(root, simulators).some((s) => s.name === "worker")) {
    // The worker starts the sandbox's mail catcher (on free ports when the usual ones are taken) and logs its inbox.
    const inbox = await findInLog(output.file("worker"), /inbox at (http:\/\/\S+?\/messages)/, 15_000);
    if (inbox) log(`emails: caught locally, not sent; read them at ${inbox}`);
  }
  const zenefits = simulatorOf("zenefits");
  const lever = simulatorOf("lever");
  // The Lever setup pairs two simulators: its values are read from the running Zenefits one.
  if (lever && zenefits) {
    const values = await sandboxLeverValues(zenefits.url);
    for (const line of sandboxLeverLines(values, { web: ports.web, lever: lever.port })) log(line);
  }
  for (const simulator of simulators) for (const line of readyLines(simulator, `http://localhost:${ports.web}`)) log(line);
  if (!hasApi) log(`database: ${database.url.replace(/:[^:@/]+@/, ":***@")}`);
  if (!output.verbose) log(`service logs (JSON): ${output.dir}; \`pnpm start --verbose\` prints them here instead`);
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof DatabaseUnavailableError) {
    console.error(`[roster] ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
