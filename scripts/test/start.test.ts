import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "@roster/db";
import { afterAll, describe, expect, it } from "vitest";

// The README's first command on a fresh data folder: `pnpm start` must reach "ready", answer
// /statusz with the database, migrations and worker all well, serve the dashboard, and stop
// everything, its embedded PostgreSQL included, on Ctrl-C. The simulators answer with the sandbox
// values it printed.
const root = fileURLToPath(new URL("../..", import.meta.url));
const dataDir = mkdtempSync(path.join(os.tmpdir(), "roster-start-"));
let child: ChildProcess | undefined;
let output = "";

afterAll(() => {
  if (child?.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

async function until(what: string, probe: () => boolean | Promise<boolean>, timeoutMs: number, allowExit = false): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return;
    if (!allowExit && child?.exitCode !== null && child?.exitCode !== undefined) {
      throw new Error(`pnpm start exited (${child.exitCode}) before ${what}:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}:\n${output}`);
}

/** Processes started for this test's data folder: every service inherits ROSTER_DATA_DIR from pnpm start. */
function processesOfDataDir(): { pid: number; ppid: number; args: string }[] {
  const out = execFileSync("ps", ["-eo", "pid=,ppid=,args="], { encoding: "utf8" });
  return out
    .split("\n")
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3]! }))
    .filter((p) => {
      try {
        return readFileSync(`/proc/${p.pid}/environ`, "utf8").split("\0").includes(`ROSTER_DATA_DIR=${dataDir}`);
      } catch {
        return false; // gone meanwhile
      }
    });
}

function postgresProcessesUsing(dir: string): number {
  const out = execFileSync("ps", ["-eo", "args"], { encoding: "utf8" });
  return out.split("\n").filter((line) => line.includes("postgres") && line.includes(dir)).length;
}

describe("pnpm start", () => {
  it("reaches ready, answers /statusz, serves the dashboard, and Ctrl-C stops everything", { timeout: 240_000 }, async () => {
    const [api, web, zenefits, lever, bamboohr] = [
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
    ];
    const env: Record<string, string> = { ...(process.env as Record<string, string>) };
    delete env.DATABASE_URL;
    delete env.ENCRYPTION_KEY;
    child = spawn("pnpm", ["start"], {
      cwd: root,
      detached: true,
      env: {
        ...env,
        ROSTER_DATA_DIR: dataDir,
        API_PORT: String(api),
        WEB_PORT: String(web),
        ZENEFITS_SIM_PORT: String(zenefits),
        LEVER_SIM_PORT: String(lever),
        BAMBOOHR_SIM_PORT: String(bamboohr),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (c) => (output += c));
    child.stderr?.on("data", (c) => (output += c));

    await until('"ready" and the service logs line', () => output.includes("[roster] service logs (JSON):"), 180_000);
    // The console is for people: one dashboard URL, the three logins, where emails go; no JSON.
    expect(output).toContain(`dashboard: http://localhost:${web}`);
    // The dashboard's root once (vite's own banner is in its log); deep links to its pages may follow.
    expect(output.match(new RegExp(`https?://(localhost|127\\.0\\.0\\.1):${web}/?(?=\\s|$)`, "g"))).toHaveLength(1);
    expect(output.match(/demo login: \S+@\S+ \/ \S+ \((owner|admin|member)\)/g)).toHaveLength(3);
    expect(output.split("\n").filter((line) => line.trim().startsWith("{"))).toEqual([]);
    const inbox = /emails: caught locally, not sent; read them at (http:\/\/\S+)/.exec(output)?.[1];
    expect(inbox).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/messages$/);
    expect((await fetch(inbox!)).status).toBe(200);
    // The services' JSON logs are in the data folder instead.
    const apiLog = readFileSync(path.join(dataDir, "logs", "api.log"), "utf8")
      .split("\n")
      .filter(Boolean);
    expect(apiLog.some((line) => line.startsWith("{") && JSON.parse(line).msg !== undefined)).toBe(true);
    // The worker's first heartbeat may land a moment after the API is up.
    let health: Record<string, unknown> = {};
    await until(
      "a healthy /statusz",
      async () => {
        const res = await fetch(`http://127.0.0.1:${api}/statusz`);
        health = (await res.json()) as Record<string, unknown>;
        return res.status === 200 && health.worker === "ok";
      },
      60_000,
    );
    expect(health).toMatchObject({ ok: true, database: "ok", migrations: "current", worker: "ok" });
    const page = await fetch(`http://127.0.0.1:${web}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<div id=");
    const zen = await fetch(`http://127.0.0.1:${zenefits}/core/me`, {
      headers: { authorization: "Bearer zen-sandbox-demo-token" },
    });
    expect(zen.status).toBe(200);
    // The BambooHR simulator answers its sandbox company with the sandbox key pnpm start printed.
    const bambooKey = /API key: +(\S+)/.exec(output.slice(output.indexOf("BambooHR (sandbox)")))?.[1];
    expect(output).toMatch(/Company domain: +acme/);
    const bamboo = await fetch(`http://127.0.0.1:${bamboohr}/api/gateway.php/acme/v1/employees/directory`, {
      headers: { authorization: `Basic ${Buffer.from(`${bambooKey}:x`).toString("base64")}`, accept: "application/json" },
    });
    expect(bamboo.status).toBe(200);
    expect(((await bamboo.json()) as { employees: unknown[] }).employees.length).toBeGreaterThan(0);
    expect(postgresProcessesUsing(dataDir)).toBeGreaterThan(0);

    // Ctrl-C reaches the whole process group, as in a terminal.
    // pnpm itself ends by the signal, as in a terminal; Roster's own process must finish its cleanup.
    process.kill(-child.pid!, "SIGINT");
    await until('"stopped"', () => output.includes("[roster] stopped"), 60_000, true);
    await until("postgres to be gone", () => postgresProcessesUsing(dataDir) === 0, 20_000, true);
    expect(existsSync(path.join(dataDir, "runtime.json"))).toBe(false);
    expect(existsSync(path.join(dataDir, "postgres", "PG_VERSION")), "the data folder persists").toBe(true);
  });

  it("when one service dies, stops all the others and every process they started", { timeout: 240_000 }, async () => {
    // Tried: kill -9 the Lever simulator's node process (not its pnpm wrapper) once all is ready.
    // Must hold: pnpm start says which service exited, stops everything and exits non-zero; no
    // process of any service (pnpm, tsx or node) and no postgres of the data folder is left.
    const [api, web, zenefits, lever, bamboohr] = [
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
    ];
    const env: Record<string, string> = { ...(process.env as Record<string, string>) };
    delete env.DATABASE_URL;
    delete env.ENCRYPTION_KEY;
    output = "";
    child = spawn("pnpm", ["start"], {
      cwd: root,
      detached: true,
      env: {
        ...env,
        ROSTER_DATA_DIR: dataDir,
        API_PORT: String(api),
        WEB_PORT: String(web),
        ZENEFITS_SIM_PORT: String(zenefits),
        LEVER_SIM_PORT: String(lever),
        BAMBOOHR_SIM_PORT: String(bamboohr),
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (c) => (output += c));
    child.stderr?.on("data", (c) => (output += c));
    await until('"ready"', () => output.includes("[roster] ready"), 180_000);
    const started = processesOfDataDir();
    // The simulator itself is the leaf under its pnpm and tsx wrappers.
    const simulator = started.find((p) => p.args.includes(`--port ${lever}`) && !started.some((other) => other.ppid === p.pid));
    expect(simulator, `the Lever simulator's process among:\n${started.map((p) => p.args).join("\n")}`).toBeDefined();
    process.kill(simulator!.pid, "SIGKILL");

    await until('"stopped"', () => output.includes("[roster] stopped"), 60_000, true);
    expect(output).toMatch(/\[roster\] sim-lever exited \(\w+\); stopping everything/);
    await until("pnpm start to exit", () => child?.exitCode !== null, 20_000, true);
    expect(child.exitCode).not.toBe(0);
    await until("every service process to be gone", () => processesOfDataDir().length === 0, 20_000, true);
    await until("postgres to be gone", () => postgresProcessesUsing(dataDir) === 0, 20_000, true);
  });

  it("fails fast with a clear message when DATABASE_URL points nowhere", { timeout: 60_000 }, async () => {
    const port = await freePort();
    const result = spawn("pnpm", ["start"], {
      cwd: root,
      env: {
        ...(process.env as Record<string, string>),
        DATABASE_URL: `postgres://u:pw@127.0.0.1:${port}/x`,
        ROSTER_DATA_DIR: dataDir,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let text = "";
    result.stdout?.on("data", (c) => (text += c));
    result.stderr?.on("data", (c) => (text += c));
    const code = await new Promise<number | null>((resolve) => result.once("exit", resolve));
    expect(code).not.toBe(0);
    expect(text).toContain("Nothing is listening at postgres://u:***@127.0.0.1");
    expect(text).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/); // no stack trace
  });
});
