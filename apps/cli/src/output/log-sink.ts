import { createLogger, type Logger } from "@roster/logger";
import type { Output } from "./output";

const levelNames: Record<number, string> = { 10: "trace", 20: "debug", 30: "info", 40: "warn", 50: "error", 60: "fatal" };

/**
 * The logger the CLI hands to connectors and the sync engine. Lines go to stderr as
 * "warn  message (key=value)" instead of JSON, through `route` so an active progress
 * display can print them above its bars. Redaction happens twice: pino's paths, then the
 * output's known secrets.
 */
export function createCliLogger(
  out: Output,
  level: string,
  route: (text: string) => void = (text) => process.stderr.write(text),
  keep: (entry: Record<string, unknown>) => boolean = () => true,
): Logger {
  const destination = {
    write(line: string) {
      let text = line;
      try {
        const entry = JSON.parse(line) as Record<string, unknown>;
        if (!keep(entry)) return;
        const name = levelNames[entry.level as number] ?? String(entry.level);
        const color = name === "warn" ? out.c.yellow : name === "error" || name === "fatal" ? out.c.red : out.c.dim;
        const extra = ["request", "attempt", "delayMs", "reason", "kind", "stream", "runId"]
          .filter((key) => entry[key] !== undefined)
          .map((key) => `${key}=${String(entry[key])}`);
        text = `${color(name.padEnd(5))} ${String(entry.msg ?? "")}${extra.length ? out.c.dim(` (${extra.join(", ")})`) : ""}\n`;
      } catch {
        // not JSON: pass through as written
      }
      route(out.redact(text));
    },
  };
  return createLogger("roster-cli", { level, destination });
}
