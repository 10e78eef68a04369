import type { Logger } from "@roster/logger";
import { Logger as GraphileLogger } from "graphile-worker";

const levels: Record<string, "error" | "warn" | "info" | "debug"> = {
  error: "error",
  warning: "warn",
  info: "info",
  debug: "debug",
};

/** Routes graphile-worker's own log lines through Roster's pino logger (one format, one redaction list). */
export function graphileLogger(log: Logger): GraphileLogger {
  return new GraphileLogger((scope) => {
    const child = log.child({ graphile: scope });
    return (level, message, meta) => {
      const method = levels[level as string] ?? "info";
      // pino serializes errors under `err`; graphile passes them as `error`.
      const { error, ...rest } = meta ?? {};
      child[method]({ ...rest, ...(error === undefined ? {} : { err: error }) }, message);
    };
  });
}
