/**
 * The API's public base URL, where providers reach its webhooks: API_PUBLIC_URL, else
 * http://localhost:API_PORT; without a trailing slash. The API and the `roster` command
 * both show a connection's webhook URL from it.
 */
export function apiPublicBaseUrl(input: { apiPublicUrl?: string; apiPort: number }): string {
  return (input.apiPublicUrl ?? `http://localhost:${input.apiPort}`).replace(/\/+$/, "");
}

/** What the owner pastes into the ATS's webhook settings for this connection. */
export function hireWebhookUrl(apiPublicBase: string, connectorId: string, connectionId: string): string {
  return `${apiPublicBase.replace(/\/+$/, "")}/webhooks/${connectorId}/${connectionId}`;
}
