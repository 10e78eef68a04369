import { ConfigError } from "@roster/config";
import { apiPublicBaseUrl, hireWebhookUrl } from "@roster/hire-export";
import type { ApiDeps } from "../context";

/** What the owner pastes into Lever (Settings → Integrations and API → Webhooks). */
export function leverWebhookUrl(deps: Pick<ApiDeps, "apiPublicUrl" | "config">, connectionId: string): string {
  return hireWebhookUrl(
    apiPublicBaseUrl({ apiPublicUrl: deps.apiPublicUrl, apiPort: deps.config.API_PORT }),
    "lever",
    connectionId,
  );
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
