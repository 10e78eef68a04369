import { permissionEffects } from "@roster/connections/permission-effects";
import { createConnectorContext } from "@roster/core";
import { deploymentCredentialDefaults, QUICK_VERIFY } from "../connection-service";
import { connectorById } from "../connector-lookup";
import { buildCredentials } from "../credentials";
import { ExitCode, type ExitCodeValue, usageError } from "../exit-codes";
import { createCliLogger } from "../output/log-sink";
import type { Output } from "../output/output";
import { type PermissionLine, printMissingAdvice, printPermissions } from "../output/permissions";
import { readSecretFiles, type SecretFile } from "../secret-files";

export interface VerifyOptions {
  tokenFile?: string;
  secretFile: string[];
  baseUrl?: string;
  field: string[];
  strict?: boolean;
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
 * `roster verify <connector> --token-file …`: the same check the dashboard's Connect button
 * makes. Prints the account and a permissions checklist, with what Roster could not keep
 * current for each missing permission; a rejected token exits 1 with its kind and hint.
 * Secrets come from files (or stdin), never argv, and are registered with the output first.
 */
export async function verifyCommand(out: Output, connectorId: string, options: VerifyOptions): Promise<ExitCodeValue> {
  const connector = connectorById(connectorId);
  const others = secretFiles(options.secretFile);
  const files: SecretFile[] = [
    ...(options.tokenFile !== undefined ? [{ flag: "--token-file", path: options.tokenFile }] : []),
    ...others.map((o) => o.file),
  ];
  const values = await readSecretFiles(out, files);
  const tokenValue = options.tokenFile !== undefined ? values.shift() : undefined;
  const secrets = Object.fromEntries(others.map((o, i) => [o.field, values[i]!]));
  const credentials = buildCredentials(
    connector,
    { token: tokenValue, secrets, baseUrl: options.baseUrl, field: options.field },
    out,
    deploymentCredentialDefaults()?.[connector.manifest.id],
  );
  const log = createCliLogger(out, process.env.LOG_LEVEL ?? "error");
  const ctx = createConnectorContext(connector, credentials, { log, ...QUICK_VERIFY });
  const result = await connector.verify(ctx);

  const notGranted = connector.manifest.permissions.map((p) => p.id).filter((id) => !result.granted.includes(id));
  const feeds = new Map(permissionEffects(connector, notGranted).map((e) => [e.id, e.feeds]));
  const permissions = connector.manifest.permissions.map((p) => ({
    id: p.id,
    label: p.label,
    granted: result.granted.includes(p.id),
    /** Empty when granted: what Roster would not keep current without it. */
    feeds: feeds.get(p.id) ?? [],
  }));
  const lines: PermissionLine[] = permissions.map((p) => ({ ...p, state: p.granted ? "granted" : "missing" }));
  const missing = lines.filter((p) => p.state === "missing");
  const strictFailure = options.strict === true && missing.length > 0;
  out.data({
    ok: !strictFailure,
    connector: connector.manifest.id,
    account: result.account,
    permissions,
    granted: result.granted,
    missing: result.missing,
  });

  const { c } = out;
  out.line(`${c.green("✓")} ${connector.manifest.name} accepted the credentials`);
  out.line(`  account      ${c.bold(result.account.name)} ${c.dim(`(id ${result.account.id})`)}`);
  out.line(`  permissions  ${permissions.length - missing.length} of ${permissions.length} granted`);
  out.line();
  printPermissions(out, lines);
  printMissingAdvice(out, connector.manifest.name, missing);
  if (strictFailure) {
    if (!out.json) out.note(`${c.red("error")} --strict: ${missing.length} permission(s) missing`);
    return ExitCode.failed;
  }
  return ExitCode.ok;
}
