import { notificationEmailField } from "@roster/api/schemas";
import { ConnectionError, createConnection, getConnectionView } from "@roster/connections";
import type { Db } from "@roster/db";
import { fromConnectionError } from "../connection-errors";
import { cliActor, cliConnectionDeps } from "../connection-service";
import { openDatabase, resolveEncryptionKey } from "../database";
import { CliError, ExitCode, type ExitCodeValue } from "../exit-codes";
import { parseBaseUrl, parseFlag, parseOrganisationId } from "../options";
import { organisationById } from "../organisation-lookup";
import type { Output } from "../output/output";
import { type PermissionLine, printMissingAdvice, printPermissions } from "../output/permissions";
import { readSecretFiles } from "../secret-files";

export interface ConnectZenefitsOptions {
  org: string;
  tokenFile: string;
  notify: string;
  baseUrl?: string;
}

const flagOf = { accessToken: "--token-file", baseUrl: "--base-url", notificationEmail: "--notify" };

/** One Zenefits connection per organisation: name the one there is and how to change its token. */
async function alreadyConnected(db: Db, organisation: { id: string; name: string }): Promise<CliError> {
  const existing = await db
    .selectFrom("connections")
    .select("id")
    .where("organisation_id", "=", organisation.id)
    .where("connector_id", "=", "zenefits")
    .executeTakeFirst();
  const id = existing?.id ?? "<connectionId>";
  return new CliError(ExitCode.failed, `${organisation.name} already has a Zenefits connection (${id}).`, {
    kind: "conflict",
    hint: `Replace its token with \`roster rotate ${id} --token-file <file>\`.`,
  });
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
  const encryptionKey = resolveEncryptionKey();

  const db = await openDatabase();
  try {
    const organisation = await organisationById(db, organisationId);
    const deps = cliConnectionDeps(out, db, encryptionKey);
    const { connectionId } = await createConnection(deps, cliActor(organisation.id), {
      connectorId: "zenefits",
      // The connector's schema checks the token's shape; a missing --base-url takes the deployment's.
      credentials: { accessToken, ...(baseUrl ? { baseUrl } : {}) },
      notificationEmail,
    }).catch(async (error: unknown) => {
      if (error instanceof ConnectionError && error.code === "conflict") throw await alreadyConnected(db, organisation);
      throw fromConnectionError(error, flagOf);
    });
    const view = await getConnectionView(deps, organisation.id, connectionId);
    const permissions: PermissionLine[] = view.permissions;

    out.data({
      ok: true,
      connectionId,
      organisationId: organisation.id,
      connector: view.connectorId,
      account: view.account,
      notificationEmail,
      permissions,
      firstSync: "queued",
    });
    const { c } = out;
    const granted = permissions.filter((p) => p.state === "granted").length;
    out.line(`${c.green("✓")} Connected ${view.connectorName} for ${c.bold(organisation.name)}: ${c.bold(connectionId)}`);
    out.line(`  account      ${c.bold(view.account?.name ?? "?")} ${c.dim(`(id ${view.account?.id ?? "?"})`)}`);
    out.line(`  permissions  ${granted} of ${permissions.length} granted`);
    out.line();
    printPermissions(out, permissions);
    const missing = permissions.filter((p) => p.state === "missing");
    printMissingAdvice(out, view.connectorName, missing, "and the next sync picks them up");
    out.line();
    out.line(`The first sync is queued for the worker; \`roster sync ${connectionId}\` runs it here and now.`);
    return ExitCode.ok;
  } finally {
    await db.destroy();
  }
}
