import {
  ConnectionError,
  getConnectionView,
  LEVER_CONNECTOR_ID,
  permissionEffects,
  rotateCredentials,
} from "@roster/connections";
import type { StoredPermissions } from "@roster/db";
import { canAsk, confirm } from "../confirm";
import { fromConnectionError } from "../connection-errors";
import { connectionById } from "../connection-lookup";
import { cliActor, cliConnectionDeps } from "../connection-service";
import { connectorById } from "../connector-lookup";
import { tokenField } from "../credentials";
import { openDatabase, resolveEncryptionKey } from "../database";
import { ExitCode, type ExitCodeValue, usageError } from "../exit-codes";
import { parseBaseUrl, parseConnectionId } from "../options";
import type { Output } from "../output/output";
import { printLostPermissions, printPermissions } from "../output/permissions";
import { readSecretFiles } from "../secret-files";

export interface RotateOptions {
  tokenFile: string;
  baseUrl?: string;
  yes?: boolean;
}

/**
 * `roster rotate <connectionId> --token-file …`: a fresh token replaces the old one in place
 * (same connection, history and data), verified first and required to reach the same
 * account. A token granting fewer permissions than the current one is refused until
 * confirmed: --yes, or "y" at a terminal; otherwise exit 2 naming what would stop updating.
 */
export async function rotateCommand(out: Output, rawId: string, options: RotateOptions): Promise<ExitCodeValue> {
  const connectionId = parseConnectionId(rawId);
  const baseUrl = parseBaseUrl("--base-url", options.baseUrl);
  const [token] = await readSecretFiles(out, [{ flag: "--token-file", path: options.tokenFile }]);
  const encryptionKey = resolveEncryptionKey();

  const db = await openDatabase();
  try {
    const row = await connectionById(db, connectionId);
    if (row.connector_id === LEVER_CONNECTOR_ID) {
      throw usageError(
        "A Lever connection holds a Lever key and Zenefits credentials together: rotate takes one token.",
        "Run `roster connect lever` again for its organisation with the new values: it updates this connection in place.",
      );
    }
    const connector = connectorById(row.connector_id);
    const field = tokenField(connector);
    if (!field) throw usageError(`${connector.manifest.name} has no single token to rotate.`);
    const deps = cliConnectionDeps(out, db, encryptionKey);
    // Without --base-url the key is left out, so the connection keeps the address it has.
    const input = { [field]: token, ...(baseUrl ? { baseUrl } : {}) };
    const flagOf = { [field]: "--token-file", baseUrl: "--base-url" };
    const actor = cliActor(row.organisation_id);

    const rotate = (confirmFewerPermissions: boolean) =>
      rotateCredentials(deps, actor, connectionId, input, { confirmFewerPermissions });
    try {
      await rotate(options.yes === true);
    } catch (error) {
      if (!(error instanceof ConnectionError && error.code === "confirm_required")) throw fromConnectionError(error, flagOf);
      if (!canAsk(options.tokenFile === "-")) throw fromConnectionError(error, flagOf);
      printLostPermissions(out, connector.manifest.name, error.details.lost ?? []);
      if (!(await confirm("Use this token anyway?"))) {
        out.note("Kept the current token; nothing changed.");
        return ExitCode.usage;
      }
      await rotate(true).catch((again: unknown) => {
        throw fromConnectionError(again, flagOf);
      });
    }

    const view = await getConnectionView(deps, row.organisation_id, connectionId);
    const before = (row.permissions as StoredPermissions | null)?.granted ?? [];
    const lostIds = before.filter((id) => view.permissions.some((p) => p.id === id && p.state !== "granted"));
    const permissionsLost = permissionEffects(connector, lostIds);
    out.data({
      ok: true,
      connectionId,
      connector: view.connectorId,
      account: view.account,
      permissions: view.permissions,
      permissionsLost,
      status: view.status,
    });
    const { c } = out;
    out.line(`${c.green("✓")} Replaced the token of ${c.bold(view.displayName)} ${c.dim(`(${connectionId})`)}`);
    out.line(`  account      ${c.bold(view.account?.name ?? "?")} ${c.dim(`(id ${view.account?.id ?? "?"})`)}`);
    out.line();
    printPermissions(out, view.permissions);
    if (permissionsLost.length > 0) {
      out.line();
      out.line(
        `No longer kept current, as confirmed: ${permissionsLost.map((p) => `${p.label}${p.feeds.length ? ` (${p.feeds.join(", ")})` : ""}`).join("; ")}.`,
      );
    }
    out.line();
    out.line(`A sync with the new token is queued for the worker; \`roster sync ${connectionId}\` runs it here and now.`);
    return ExitCode.ok;
  } finally {
    await db.destroy();
  }
}
