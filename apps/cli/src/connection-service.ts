import { ConfigError, loadConnectorBaseUrls } from "@roster/config";
import type { Actor, ConnectionDeps } from "@roster/connections";
import { credentialDefaults } from "@roster/connections/credential-defaults";
import type { Db } from "@roster/db";
import { connectors } from "@roster/registry";
import { config } from "./config";
import { CliError, ExitCode } from "./exit-codes";
import { createCliLogger } from "./output/log-sink";
import type { Output } from "./output/output";

/** A person is waiting: give up on an unreachable provider after a few quick retries. */
export const QUICK_VERIFY = { retry: { maxAttempts: 3, maxDelayMs: 2_000, maxRetryAfterMs: 5_000 }, timeoutMs: 15_000 };

/**
 * Provider URLs new connections get when no flag gives one, as the API computes them: in
 * sandbox mode the simulators', else the deployment's <CONNECTOR>_BASE_URLs (unset: the
 * connectors' own defaults, the real APIs).
 */
export function deploymentCredentialDefaults(env: Record<string, string | undefined> = process.env) {
  const { SANDBOX } = config(env);
  try {
    return credentialDefaults({ sandbox: SANDBOX, env, baseUrls: loadConnectorBaseUrls(env) });
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(ExitCode.usage, error.message, { kind: "config" });
    throw error;
  }
}

/** What @roster/connections needs, as the API builds it, for the installed connectors. */
export function cliConnectionDeps(out: Output, db: Db, encryptionKey: string): ConnectionDeps {
  return {
    db,
    connectors,
    encryptionKey,
    credentialDefaults: deploymentCredentialDefaults(),
    log: createCliLogger(out, process.env.LOG_LEVEL ?? "error"),
    verify: QUICK_VERIFY,
  };
}

/**
 * The `roster` command acts for the operator, not for a user of the organisation: its audit
 * rows have no actor user and say `via: "cli"` (the dashboard shows "Command line").
 */
export const cliActor = (organisationId: string): Actor => ({ organisationId, userId: null, via: "cli" });
