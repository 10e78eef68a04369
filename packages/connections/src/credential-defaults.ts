/**
 * Credential values a connection gets when the form or the CLI leaves them out (never secrets:
 * only where to reach the provider).
 *
 * - Sandbox (`pnpm start`): the simulators' URLs, `<CONNECTOR>_SANDBOX_URL` (ZENEFITS_SANDBOX_URL,
 *   BAMBOOHR_SANDBOX_URL, …). Lever's API lives under /v1 of its simulator.
 * - Otherwise: the deployment's `<CONNECTOR>_BASE_URL`s (@roster/config loadConnectorBaseUrls),
 *   e.g. a regional or staging endpoint; unset, the connector's own default (the real API).
 *
 * A Lever connection also carries the Zenefits side of the hire export (its ATS import
 * channel), which follows the Zenefits URL.
 */
export function credentialDefaults(input: {
  sandbox: boolean;
  env: Record<string, string | undefined>;
  baseUrls: Record<string, string>;
}): Record<string, Record<string, unknown>> | undefined {
  const { sandbox, env } = input;
  const urls = sandbox ? sandboxUrls(env) : input.baseUrls;
  if (Object.keys(urls).length === 0) return undefined;
  const defaults: Record<string, Record<string, unknown>> = Object.fromEntries(
    Object.entries(urls).map(([connectorId, baseUrl]) => [connectorId, { baseUrl }]),
  );
  if (urls.zenefits) defaults.lever = { ...defaults.lever, zenefitsBaseUrl: urls.zenefits };
  return defaults;
}

const SANDBOX_URL_VARIABLE = /^([A-Z][A-Z0-9_]*)_SANDBOX_URL$/;

/** Each simulator `pnpm start` runs, by connector id: ACME_HR_SANDBOX_URL → acme-hr. */
function sandboxUrls(env: Record<string, string | undefined>): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    const match = SANDBOX_URL_VARIABLE.exec(name);
    if (!match?.[1] || !value) continue;
    urls[match[1].toLowerCase().replaceAll("_", "-")] = value.replace(/\/+$/, "");
  }
  if (urls.lever) urls.lever = `${urls.lever}/v1`;
  return urls;
}
