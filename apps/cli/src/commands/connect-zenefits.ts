import { notificationEmailField } from "@roster/api/schemas";
import { connectHris } from "../connect-hris";
import { ExitCode, type ExitCodeValue } from "../exit-codes";
import { parseBaseUrl, parseFlag, parseOrganisationId } from "../options";
import type { Output } from "../output/output";
import { readSecretFiles } from "../secret-files";

export interface ConnectZenefitsOptions {
  org: string;
  tokenFile: string;
  notify: string;
  baseUrl?: string;
}

/**
 * `roster connect zenefits --org … --token-file … --notify …`: Settings → HRIS integration →
 * Save, from a terminal. The token is verified with Zenefits first (at --base-url, else the
 * deployment's default); only then is it stored, encrypted, and the first sync queued for the
 * worker (or `roster sync <id>`). Prints the connection id and the permissions checklist.
 */
export async function connectZenefitsCommand(out: Output, options: ConnectZenefitsOptions): Promise<ExitCodeValue> {
  const organisationId = parseOrganisationId(options.org);
  const notificationEmail = parseFlag("--notify", notificationEmailField, options.notify);
  const baseUrl = parseBaseUrl("--base-url", options.baseUrl);
  const [accessToken] = await readSecretFiles(out, [{ flag: "--token-file", path: options.tokenFile }]);
  await connectHris(out, {
    organisationId,
    connectorId: "zenefits",
    // The connector's schema checks the token's shape; a missing --base-url takes the deployment's.
    credentials: { accessToken, ...(baseUrl ? { baseUrl } : {}) },
    notificationEmail,
    flagOf: { accessToken: "--token-file", baseUrl: "--base-url", notificationEmail: "--notify" },
    rotateHint: (id) => `Replace its token with \`roster rotate ${id} --token-file <file>\`.`,
  });
  return ExitCode.ok;
}
