import { createConnectorContext } from "@roster/core";
import { connectorById } from "../connector-lookup";
import { buildCredentials, type CredentialFlags } from "../credentials";
import { ExitCode, type ExitCodeValue } from "../exit-codes";
import { createCliLogger } from "../output/log-sink";
import type { Output } from "../output/output";

export interface VerifyOptions extends CredentialFlags {
  strict?: boolean;
}

/** Reads the token from stdin when given as "-", so it stays out of shell history and `ps`. */
async function readToken(token: string | undefined): Promise<string | undefined> {
  if (token !== "-") return token;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").trim();
}

/**
 * `roster verify <connector> --token …`: the same check the dashboard's Connect button
 * makes. Prints the account and a permissions checklist; a rejected token exits 1 with
 * its kind and hint. The token is registered as a secret first, so no line can show it.
 */
export async function verifyCommand(out: Output, connectorId: string, options: VerifyOptions): Promise<ExitCodeValue> {
  const connector = connectorById(connectorId);
  const token = await readToken(options.token);
  const credentials = buildCredentials(connector, { ...options, token }, out);
  const log = createCliLogger(out, process.env.LOG_LEVEL ?? "error");
  // A person is waiting: give up on an unreachable host after a few quick retries.
  const ctx = createConnectorContext(connector, credentials, {
    log,
    retry: { maxAttempts: 3, maxDelayMs: 2_000, maxRetryAfterMs: 5_000 },
    timeoutMs: 15_000,
  });
  const result = await connector.verify(ctx);

  const permissions = connector.manifest.permissions.map((p) => ({
    id: p.id,
    label: p.label,
    granted: result.granted.includes(p.id),
  }));
  const missing = permissions.filter((p) => !p.granted);
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
  const width = Math.max(...permissions.map((p) => p.label.length));
  const idWidth = Math.max(...permissions.map((p) => p.id.length));
  for (const p of permissions) {
    const mark = p.granted ? c.green("✓") : c.red("✗");
    out.line(
      `  ${mark} ${p.label.padEnd(width)}  ${c.dim(p.id.padEnd(idWidth))}${p.granted ? "" : `  ${c.red("missing")}`}`.trimEnd(),
    );
  }
  if (missing.length > 0) {
    out.line();
    out.line(
      `${missing.length} permission${missing.length === 1 ? " is" : "s are"} missing: Roster syncs what it can and reports the rest. ` +
        `Grant ${missing.map((p) => `"${p.label}"`).join(", ")} on the token in ${connector.manifest.name}, then verify again.`,
    );
  }
  if (strictFailure) {
    if (!out.json) out.note(`${c.red("error")} --strict: ${missing.length} permission(s) missing`);
    return ExitCode.failed;
  }
  return ExitCode.ok;
}
