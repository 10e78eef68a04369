import { apiPublicBaseUrl } from "@roster/hire-export";
import type { ApiDeps } from "../context";

/**
 * Where a provider delivers a connection's webhooks (POST /webhooks/<connectorId>/<connectionId>),
 * under the API's public URL: what the owner pastes into the provider's webhook settings.
 */
export function connectorWebhookUrl(
  deps: Pick<ApiDeps, "apiPublicUrl" | "config">,
  connectorId: string,
  connectionId: string,
): string {
  return `${apiPublicBaseUrl({ apiPublicUrl: deps.apiPublicUrl, apiPort: deps.config.API_PORT })}/webhooks/${connectorId}/${connectionId}`;
}
