/**
 * Credential values a connection gets when the form or the CLI leaves them out (never secrets:
 * only where to reach the provider).
 *
 * - Sandbox (`pnpm start`): the simulators' URLs, ZENEFITS_SANDBOX_URL, LEVER_SANDBOX_URL and
 *   BAMBOOHR_SANDBOX_URL.
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
  const urls = sandbox
    ? {
        ...(env.ZENEFITS_SANDBOX_URL ? { zenefits: env.ZENEFITS_SANDBOX_URL } : {}),
        ...(env.LEVER_SANDBOX_URL ? { lever: `${env.LEVER_SANDBOX_URL.replace(/\/+$/, "")}/v1` } : {}),
        ...(env.BAMBOOHR_SANDBOX_URL ? { bamboohr: env.BAMBOOHR_SANDBOX_URL.replace(/\/+$/, "") } : {}),
      }
    : input.baseUrls;
  if (Object.keys(urls).length === 0) return undefined;
  const defaults: Record<string, Record<string, unknown>> = Object.fromEntries(
    Object.entries(urls).map(([connectorId, baseUrl]) => [connectorId, { baseUrl }]),
  );
  if (urls.zenefits) defaults.lever = { ...defaults.lever, zenefitsBaseUrl: urls.zenefits };
  return defaults;
}
