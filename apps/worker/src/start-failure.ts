import { ConfigError } from "@roster/config";
import { DatabaseUnavailableError } from "@roster/db";

/** A configuration or database problem is reported by its message alone (it names the variable); anything else with its stack. */
export function exitOnStartFailure(error: unknown): never {
  if (error instanceof ConfigError || error instanceof DatabaseUnavailableError) {
    console.error(`[worker] ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
}
