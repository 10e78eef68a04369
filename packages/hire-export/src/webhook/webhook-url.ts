/**
 * The API's public base URL, where providers reach its webhooks: API_PUBLIC_URL, else
 * http://localhost:API_PORT; without a trailing slash. The API and the `roster` command
 * both show the Lever webhook URL from it.
 */
export function apiPublicBaseUrl(input: { apiPublicUrl?: string; apiPort: number }): string {
  return (input.apiPublicUrl ?? `http://localhost:${input.apiPort}`).replace(/\/+$/, "");
}

/** What the owner pastes into Lever (Settings → Integrations and API → Webhooks) for this connection. */
export function leverWebhookUrl(apiPublicBase: string, connectionId: string): string {
  return `${apiPublicBase.replace(/\/+$/, "")}/webhooks/lever/${connectionId}`;
}
