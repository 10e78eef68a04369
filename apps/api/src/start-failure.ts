import { ConfigError } from "@roster/config";
import { DatabaseUnavailableError } from "@roster/db";
import { createLogger } from "@roster/logger";

/** A configuration or database problem is reported by its message alone (it names the variable); anything else with its stack. */
export function exitOnStartFailure(error: unknown): never {
  const log = createLogger("api");
  if (error instanceof ConfigError || error instanceof DatabaseUnavailableError) log.fatal(error.message);
  else log.fatal({ err: error }, "API failed to start");
  process.exit(1);
}
