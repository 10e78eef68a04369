import type { Config } from "@roster/config";
import type { ConnectionOptions } from "../context";

/**
 * In sandbox mode `pnpm start` runs the provider simulators and passes their URLs as
 * ZENEFITS_SANDBOX_URL (and LEVER_SANDBOX_URL); a token pasted into the form then talks to
 * the simulator instead of the real provider. Outside sandbox mode there are no defaults.
 */
export function sandboxCredentialDefaults(
  config: Pick<Config, "SANDBOX">,
  env: Record<string, string | undefined>,
): ConnectionOptions["credentialDefaults"] {
  if (!config.SANDBOX || !env.ZENEFITS_SANDBOX_URL) return undefined;
  return { zenefits: { baseUrl: env.ZENEFITS_SANDBOX_URL } };
}
