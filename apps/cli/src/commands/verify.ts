import { permissionEffects } from "@roster/connections/permission-effects";
import { createConnectorContext } from "@roster/core";
import { QUICK_VERIFY } from "../connection-service";
import { connectorById } from "../connector-lookup";
import { type CredentialFlagOptions, credentialsFromFlags } from "../credential-flags";
import { ExitCode, type ExitCodeValue } from "../exit-codes";
import { createCliLogger } from "../output/log-sink";
import type { Output } from "../output/output";
import { type PermissionLine, printMissingAdvice, printPermissions } from "../output/permissions";

export interface VerifyOptions extends CredentialFlagOptions {
  strict?: boolean;
}

/**
 * `roster verify <connector> --token-file …`: the same check the dashboard's Connect button
 * makes. Prints the account and a permissions checklist, with what Roster could not keep
 * current for each missing permission; a rejected token exits 1 with its kind and hint.
 * Secrets come from files (or stdin), never argv, and are registered with the output first.
 */
export async function verifyCommand(out: Output, connectorId: string, options: VerifyOptions): Promise<ExitCodeValue> {
  const connector = connectorById(connectorId);
  const { credentials } = await credentialsFromFlags(out, connector, options);
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
