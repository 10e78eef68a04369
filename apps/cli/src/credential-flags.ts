import type { Connector } from "@roster/core";
import { deploymentCredentialDefaults } from "./connection-service";
import { buildCredentials, tokenField } from "./credentials";
import { usageError } from "./exit-codes";
import type { Output } from "./output/output";
import { readSecretFiles, type SecretFile } from "./secret-files";

/** The flags every command that takes a connector's credentials shares (verify, connect). */
export interface CredentialFlagOptions {
  tokenFile?: string;
  secretFile: string[];
  baseUrl?: string;
  field: string[];
}

/** `--secret-file name=path` pairs as the files to read, keyed by field. */
function secretFiles(pairs: readonly string[]): { field: string; file: SecretFile }[] {
  return pairs.map((pair) => {
    const at = pair.indexOf("=");
    if (at <= 0 || at === pair.length - 1) throw usageError(`--secret-file expects field=path (got "${pair}")`);
    const field = pair.slice(0, at);
    return { field, file: { flag: `--secret-file ${field}`, path: pair.slice(at + 1) } };
  });
}

/**
 * The connector's credentials from the flags: secrets read from their files (registered with
 * the output first, so they are never printed), the deployment's defaults under them, checked
 * with the connector's own schema. Also which flag set each field, for error messages.
 */
export async function credentialsFromFlags(
  out: Output,
  connector: Connector,
  options: CredentialFlagOptions,
): Promise<{ credentials: Record<string, unknown>; flagOf: Record<string, string> }> {
  const others = secretFiles(options.secretFile);
  const files: SecretFile[] = [
    ...(options.tokenFile !== undefined ? [{ flag: "--token-file", path: options.tokenFile }] : []),
    ...others.map((o) => o.file),
  ];
  const values = await readSecretFiles(out, files);
  const token = options.tokenFile !== undefined ? values.shift() : undefined;
  const secrets = Object.fromEntries(others.map((o, i) => [o.field, values[i]!]));
  const credentials = buildCredentials(
    connector,
    { token, secrets, baseUrl: options.baseUrl, field: options.field },
    out,
    deploymentCredentialDefaults()?.[connector.manifest.id],
  );
  const flagOf: Record<string, string> = { baseUrl: "--base-url" };
  for (const pair of options.field) flagOf[pair.slice(0, pair.indexOf("="))] = `--field ${pair.slice(0, pair.indexOf("="))}=…`;
  for (const other of others) flagOf[other.field] = `--secret-file ${other.field}=…`;
  const tokenName = tokenField(connector);
  if (tokenName) flagOf[tokenName] = "--token-file";
  return { credentials, flagOf };
}
