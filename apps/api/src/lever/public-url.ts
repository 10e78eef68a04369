import { ConfigError } from "@roster/config";
import type { ApiDeps } from "../context";

/** The API's public base URL (API_PUBLIC_URL), without a trailing slash; http://localhost:API_PORT when unset. */
export function apiPublicUrl(deps: Pick<ApiDeps, "apiPublicUrl" | "config">): string {
  return (deps.apiPublicUrl ?? `http://localhost:${deps.config.API_PORT}`).replace(/\/+$/, "");
}

/** What the owner pastes into Lever (Settings → Integrations and API → Webhooks). */
export function leverWebhookUrl(deps: Pick<ApiDeps, "apiPublicUrl" | "config">, connectionId: string): string {
  return `${apiPublicUrl(deps)}/webhooks/lever/${connectionId}`;
}

/** API_PUBLIC_URL from the environment, checked: a bad value stops the API at start, naming the variable. */
export function apiPublicUrlFromEnv(env: Record<string, string | undefined>): string | undefined {
  const value = env.API_PUBLIC_URL?.trim();
  if (!value) return undefined;
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
    throw new ConfigError(`Invalid configuration:\n  API_PUBLIC_URL: expected an http(s) URL (got ${JSON.stringify(value)})`);
  }
  return value.replace(/\/+$/, "");
}
