import type { Config } from "@roster/config";
import type { ConnectionOptions } from "../context";

/**
 * In sandbox mode `pnpm start` runs the provider simulators and passes their URLs as
 * ZENEFITS_SANDBOX_URL and LEVER_SANDBOX_URL; a token pasted into the form then talks to
 * the simulator instead of the real provider. The Lever connection has both sides: Lever's API
 * (the simulator's /v1) and Zenefits' ATS import channel. Outside sandbox mode there are no defaults.
 */
export function sandboxCredentialDefaults(
  config: Pick<Config, "SANDBOX">,
  env: Record<string, string | undefined>,
): ConnectionOptions["credentialDefaults"] {
  if (!config.SANDBOX) return undefined;
  const zenefitsUrl = env.ZENEFITS_SANDBOX_URL;
  const leverUrl = env.LEVER_SANDBOX_URL;
  if (!zenefitsUrl && !leverUrl) return undefined;
  return {
    ...(zenefitsUrl ? { zenefits: { baseUrl: zenefitsUrl } } : {}),
    lever: {
      ...(leverUrl ? { baseUrl: `${leverUrl.replace(/\/+$/, "")}/v1` } : {}),
      ...(zenefitsUrl ? { zenefitsBaseUrl: zenefitsUrl } : {}),
    },
  };
}

/** Sandbox only: the Lever simulator whose webhook the API points at the saved Lever connection. */
export function sandboxLeverUrl(config: Pick<Config, "SANDBOX">, env: Record<string, string | undefined>): string | undefined {
  return config.SANDBOX && env.LEVER_SANDBOX_URL ? env.LEVER_SANDBOX_URL.replace(/\/+$/, "") : undefined;
}
