import { ConfigError } from "./config-error";

/**
 * Variables a deployment must set explicitly outside sandbox: a default for any of them
 * (an embedded database, a key in a local file, a localhost link, no email) would start a
 * process that loses data or sends nothing.
 */
export const PRODUCTION_REQUIRED_VARIABLES = ["DATABASE_URL", "ENCRYPTION_KEY", "PUBLIC_URL", "SMTP_URL"] as const;

/** Throws a ConfigError naming every required variable the environment leaves unset or empty. */
export function assertProductionEnvironment(env: Record<string, string | undefined> = process.env): void {
  const missing = PRODUCTION_REQUIRED_VARIABLES.filter((name) => (env[name] ?? "") === "");
  if (missing.length === 0) return;
  throw new ConfigError(
    `Missing required configuration (outside sandbox these must be set):\n${missing.map((name) => `  ${name}: it is not set`).join("\n")}`,
  );
}

/** SIGNUP, with its default: open in sandbox, invite-only otherwise. */
export function signupPolicy(config: { SIGNUP?: "invite-only" | "open"; SANDBOX: boolean }): "invite-only" | "open" {
  return config.SIGNUP ?? (config.SANDBOX ? "open" : "invite-only");
}
