import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { stripVTControlCharacters } from "node:util";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const bin = path.join(repoRoot, "apps/cli/bin/roster.js");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout + stderr, for "never contains" checks. */
  all: string;
}

export interface CliOptions {
  env?: Record<string, string | undefined>;
  input?: string;
}

/** Starts the real `roster` bin as a child process, colour off, from the repo root. */
export function startCli(args: readonly string[], options: CliOptions = {}): ChildProcess {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return spawn(process.execPath, [bin, ...args], { cwd: repoRoot, env, stdio: ["pipe", "pipe", "pipe"] });
}

/** Collects a child's output until it exits. */
export function finished(child: ChildProcess): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk) => (stdout += String(chunk)));
  child.stderr?.on("data", (chunk) => (stderr += String(chunk)));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => {
      const out = stripVTControlCharacters(stdout);
      const err = stripVTControlCharacters(stderr);
      resolve({ code, stdout: out, stderr: err, all: `${out}\n${err}` });
    });
  });
}

export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const child = startCli(args, options);
  const result = finished(child);
  child.stdin?.end(options.input ?? "");
  return result;
}

/** Resolves with everything written so far once the child has written `pattern` to the given stream. */
export function waitForOutput(child: ChildProcess, stream: "stdout" | "stderr", pattern: RegExp): Promise<string> {
  let seen = "";
  return new Promise((resolve, reject) => {
    const source = child[stream];
    const onData = (chunk: unknown) => {
      seen += String(chunk);
      if (pattern.test(seen)) {
        source?.off("data", onData);
        resolve(stripVTControlCharacters(seen));
      }
    };
    source?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`exited (${code}) before printing ${pattern}: ${seen}`)));
  });
}
