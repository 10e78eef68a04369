import { notificationEmailField } from "@roster/api/schemas";
import { apiPublicBaseUrl } from "@roster/hire-export";
import { config } from "../config";
import { connectHris } from "../connect-hris";
import { ExitCode, type ExitCodeValue } from "../exit-codes";
import { parseBaseUrl, parseFlag, parseOrganisationId } from "../options";
import type { Output } from "../output/output";
import { readSecretFiles, type SecretFile } from "../secret-files";

export interface ConnectBambooHrOptions {
  org: string;
  companyDomain: string;
  apiKeyFile: string;
  webhookKeyFile?: string;
  notify: string;
  baseUrl?: string;
}

/**
 * `roster connect bamboohr --org … --company-domain … --api-key-file … --notify …`: Settings →
 * Integrations → BambooHR → Save, from a terminal. The key is verified with BambooHR first (at
 * --base-url, else the deployment's BAMBOOHR_BASE_URL, else BambooHR's own); only then stored,
 * encrypted, and the first sync queued. With --webhook-key-file (the private key BambooHR shows
 * once when a webhook is created), deliveries to the printed webhook URL re-sync the employees
 * they name; without it they are refused and changes arrive with the scheduled syncs.
 */
export async function connectBambooHrCommand(out: Output, options: ConnectBambooHrOptions): Promise<ExitCodeValue> {
  const organisationId = parseOrganisationId(options.org);
  const notificationEmail = parseFlag("--notify", notificationEmailField, options.notify);
  const baseUrl = parseBaseUrl("--base-url", options.baseUrl);
  const files: SecretFile[] = [{ flag: "--api-key-file", path: options.apiKeyFile }];
  if (options.webhookKeyFile !== undefined) files.push({ flag: "--webhook-key-file", path: options.webhookKeyFile });
  const [apiKey, webhookPrivateKey] = await readSecretFiles(out, files);
  const settings = config();
  await connectHris(
    out,
    {
      organisationId,
      connectorId: "bamboohr",
      // The connector's schema checks the domain and the key's shape.
      credentials: {
        companyDomain: options.companyDomain,
        apiKey,
        ...(webhookPrivateKey ? { webhookPrivateKey } : {}),
        ...(baseUrl ? { baseUrl } : {}),
      },
      notificationEmail,
      flagOf: {
        companyDomain: "--company-domain",
        apiKey: "--api-key-file",
        webhookPrivateKey: "--webhook-key-file",
        baseUrl: "--base-url",
        notificationEmail: "--notify",
      },
      rotateHint: (id) => `Replace its API key with \`roster rotate ${id} --token-file <file>\`.`,
    },
    ({ connectionId }) => {
      const webhookUrl = `${apiPublicBaseUrl({ apiPublicUrl: settings.API_PUBLIC_URL, apiPort: settings.API_PORT })}/webhooks/bamboohr/${connectionId}`;
      const webhooks = webhookPrivateKey ? "on" : "off (no --webhook-key-file: deliveries are refused)";
      return {
        data: { webhookUrl, webhooks: Boolean(webhookPrivateKey) },
        lines: [`  webhook      ${webhookUrl}`, `  webhooks     ${webhooks}`],
      };
    },
  );
  return ExitCode.ok;
}
