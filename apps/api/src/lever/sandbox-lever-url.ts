import type { Config } from "@roster/config";

/** Sandbox only: the Lever simulator whose webhook the API points at the saved Lever connection. */
export function sandboxLeverUrl(config: Pick<Config, "SANDBOX">, env: Record<string, string | undefined>): string | undefined {
  return config.SANDBOX && env.LEVER_SANDBOX_URL ? env.LEVER_SANDBOX_URL.replace(/\/+$/, "") : undefined;
}
