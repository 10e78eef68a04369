import { existsSync, mkdirSync, openSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * What `pnpm start` prints: its own lines only. Each service's output (JSON logs, vite's banner)
 * goes to <data dir>/logs/<service>.log, unless `--verbose` asks for it here.
 */
export function serviceOutput(dataDir: string, verbose: boolean) {
  const dir = path.resolve(dataDir, "logs");
  if (!verbose) mkdirSync(dir, { recursive: true });
  return {
    dir,
    verbose,
    file: (service: string) => path.join(dir, `${service}.log`),
    /** The child's stdout and stderr: the terminal, or its log file (appended to across runs). */
    stdio(service: string): ["ignore", "inherit" | number, "inherit" | number] {
      if (verbose) return ["ignore", "inherit", "inherit"];
      const fd = openSync(path.join(dir, `${service}.log`), "a");
      return ["ignore", fd, fd];
    },
  };
}

/** The last lines of a service's log, to show why it stopped. */
export function tailOf(file: string, lines = 15): string[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines);
}

/** Waits for the first match of `pattern` in a log file (the mail catcher's inbox, written by the worker). */
export async function findInLog(file: string, pattern: RegExp, timeoutMs: number): Promise<string | null> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = existsSync(file) ? pattern.exec(readFileSync(file, "utf8")) : null;
    if (match?.[1]) return match[1];
    await new Promise((r) => setTimeout(r, 200));
  }
  return null;
}
