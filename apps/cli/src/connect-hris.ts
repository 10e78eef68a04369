import { ConnectionError, createConnection, getConnectionView } from "@roster/connections";
import type { Db } from "@roster/db";
import { fromConnectionError } from "./connection-errors";
import { cliActor, cliConnectionDeps } from "./connection-service";
import { openDatabase, resolveEncryptionKey } from "./database";
import { CliError, ExitCode } from "./exit-codes";
import { organisationById } from "./organisation-lookup";
import type { Output } from "./output/output";
import { type PermissionLine, printMissingAdvice, printPermissions } from "./output/permissions";

export interface ConnectHrisInput {
  organisationId: string;
  connectorId: string;
  /** As the connect form sends them; the connector's schema decides, then a real call to the provider. */
  credentials: Record<string, unknown>;
  notificationEmail: string;
  /** The flag that set each credential field, for error messages. */
  flagOf: Record<string, string>;
  /** How to replace the secret of an existing connection, given its id. */
  rotateHint(connectionId: string): string;
}

export interface ConnectedHris {
  connectionId: string;
  organisation: { id: string; name: string };
  connectorName: string;
  permissions: PermissionLine[];
  account: { id: string; name: string } | null;
}

/** One connection per connector and organisation: name the one there is and how to change its secret. */
async function alreadyConnected(db: Db, input: ConnectHrisInput, organisation: { id: string; name: string }, name: string) {
  const existing = await db
    .selectFrom("connections")
    .select("id")
    .where("organisation_id", "=", organisation.id)
    .where("connector_id", "=", input.connectorId)
    .executeTakeFirst();
  const id = existing?.id ?? "<connectionId>";
  return new CliError(ExitCode.failed, `${organisation.name} already has a ${name} connection (${id}).`, {
    kind: "conflict",
    hint: input.rotateHint(id),
  });
}

/**
 * Settings → Integrations → <provider> → Save, from a terminal, for any HRIS connector: the
 * credentials are verified with the provider first; only then stored, encrypted, and the first
 * sync queued for the worker. Prints the connection id and the permissions checklist; the caller
 * adds what is its provider's own (a webhook URL, say) through `extra`.
 */
export async function connectHris(
  out: Output,
  input: ConnectHrisInput,
  extra: (connected: ConnectedHris) => { data?: Record<string, unknown>; lines?: string[] } = () => ({}),
): Promise<ConnectedHris> {
  const encryptionKey = resolveEncryptionKey();
  const db = await openDatabase();
  try {
    const organisation = await organisationById(db, input.organisationId);
    const deps = cliConnectionDeps(out, db, encryptionKey);
    const connectorName = deps.connectors.find((c) => c.manifest.id === input.connectorId)?.manifest.name ?? input.connectorId;
    const { connectionId } = await createConnection(deps, cliActor(organisation.id), {
      connectorId: input.connectorId,
      credentials: input.credentials,
      notificationEmail: input.notificationEmail,
    }).catch(async (error: unknown) => {
      if (error instanceof ConnectionError && error.code === "conflict") {
        throw await alreadyConnected(db, input, organisation, connectorName);
      }
      throw fromConnectionError(error, input.flagOf);
    });
    const view = await getConnectionView(deps, organisation.id, connectionId);
    const connected: ConnectedHris = {
      connectionId,
      organisation,
      connectorName: view.connectorName,
      permissions: view.permissions,
      account: view.account ?? null,
    };
    const more = extra(connected);

    out.data({
      ok: true,
      connectionId,
      organisationId: organisation.id,
      connector: view.connectorId,
      account: view.account,
      notificationEmail: input.notificationEmail,
      permissions: connected.permissions,
      firstSync: "queued",
      ...more.data,
    });
    const { c } = out;
    const { permissions } = connected;
    const granted = permissions.filter((p) => p.state === "granted").length;
    out.line(`${c.green("✓")} Connected ${view.connectorName} for ${c.bold(organisation.name)}: ${c.bold(connectionId)}`);
    out.line(`  account      ${c.bold(view.account?.name ?? "?")} ${c.dim(`(id ${view.account?.id ?? "?"})`)}`);
    out.line(`  permissions  ${granted} of ${permissions.length} granted`);
    for (const line of more.lines ?? []) out.line(line);
    out.line();
    printPermissions(out, permissions);
    const missing = permissions.filter((p) => p.state === "missing");
    printMissingAdvice(out, view.connectorName, missing, "and the next sync picks them up");
    out.line();
    out.line(`The first sync is queued for the worker; \`roster sync ${connectionId}\` runs it here and now.`);
    return connected;
  } finally {
    await db.destroy();
  }
}
