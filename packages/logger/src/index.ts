import pino, { type DestinationStream, type Logger, type LoggerOptions } from "pino";
import { REDACTED, redactPaths } from "./redaction";

export type { Logger } from "pino";
export { REDACTED, redactPaths } from "./redaction";

export interface CreateLoggerOptions {
  level?: string;
  /** Pretty, human-readable output (development); JSON lines otherwise. */
  pretty?: boolean;
  /** Where lines go; tests pass a capturing stream to search logs for secrets. */
  destination?: DestinationStream;
}

/** The one logger factory: JSON in production, pretty in development, secrets redacted. */
export function createLogger(name: string, options: CreateLoggerOptions = {}): Logger {
  const level = options.level ?? process.env.LOG_LEVEL ?? "info";
  const pretty = options.pretty ?? (process.env.NODE_ENV === "development" && process.stdout.isTTY === true);
  const base: LoggerOptions = {
    name,
    level,
    redact: { paths: redactPaths, censor: REDACTED },
    serializers: { err: pino.stdSerializers.err },
  };
  if (options.destination) return pino(base, options.destination);
  if (pretty) {
    return pino({ ...base, transport: { target: "pino-pretty", options: { colorize: true, ignore: "pid,hostname" } } });
  }
  return pino(base);
}
