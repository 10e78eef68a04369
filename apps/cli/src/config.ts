import { ConfigError, loadConfig } from "@roster/config";
import { CliError, ExitCode } from "./exit-codes";

/** Configuration as the API and worker read it; a bad value is a usage error naming the variable. */
export function config(env: Record<string, string | undefined> = process.env) {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(ExitCode.usage, error.message, { kind: "config" });
    throw error;
  }
}
