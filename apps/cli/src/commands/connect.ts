import { notificationEmailField } from "@roster/api/schemas";
import { apiPublicBaseUrl } from "@roster/hire-export";
import { config } from "../config";
import { connectHris } from "../connect-hris";
import { connectorById } from "../connector-lookup";
import { type CredentialFlagOptions, credentialsFromFlags } from "../credential-flags";
import { ExitCode, type ExitCodeValue, usageError } from "../exit-codes";
import { parseFlag, parseOrganisationId } from "../options";
import type { Output } from "../output/output";

export interface ConnectOptions extends CredentialFlagOptions {
  org: string;
  notify: string;
}

/**
 * `roster connect <connector> --org … --notify … --token-file … [--field k=v] [--secret-file k=file]`:
 * Settings → Integrations → <provider> → Save, from a terminal, for any installed HRIS. The
 * flags are the connector's own credential fields (`roster connectors` lists them), so a new
 * connector needs no command of its own. A connector that takes webhooks gets its URL printed.
 */
export async function connectCommand(out: Output, connectorId: string, options: ConnectOptions): Promise<ExitCodeValue> {
  const connector = connectorById(connectorId);
  if (connector.manifest.kind !== "hris") {
    throw usageError(`${connector.manifest.name} is not an HRIS.`, `Connect it with \`roster connect ${connectorId} --help\`.`);
  }
  const organisationId = parseOrganisationId(options.org);
  const notificationEmail = parseFlag("--notify", notificationEmailField, options.notify);
  const { credentials, flagOf } = await credentialsFromFlags(out, connector, options);
  const settings = config();
  await connectHris(
    out,
    {
      organisationId,
      connectorId,
      credentials,
      notificationEmail,
      flagOf: { ...flagOf, notificationEmail: "--notify" },
      rotateHint: (id) => `Replace its secret with \`roster rotate ${id} --token-file <file>\`.`,
    },
    ({ connectionId }) => {
      if (!connector.webhook) return {};
      const base = apiPublicBaseUrl({ apiPublicUrl: settings.API_PUBLIC_URL, apiPort: settings.API_PORT });
      const webhookUrl = `${base}/webhooks/${connectorId}/${connectionId}`;
      return { data: { webhookUrl }, lines: [`  webhook      ${webhookUrl}  (point ${connector.manifest.name}'s webhook here)`] };
    },
  );
  return ExitCode.ok;
}
