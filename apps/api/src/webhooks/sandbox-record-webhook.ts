import type { Connector } from "@roster/core";
import type { Logger } from "@roster/logger";
import { decryptJson } from "@roster/secrets";
import { z } from "zod";
import type { ApiDeps } from "../context";
import { connectorWebhookUrl } from "./connector-webhook-url";

/**
 * Sandbox only: the simulators of HRIS connectors with record webhooks, by connector id, from
 * `<CONNECTOR>_SANDBOX_URL` (e.g. BAMBOOHR_SANDBOX_URL). Each keeps one sandbox webhook in
 * memory (`PUT /__admin/webhook`), which the API points at a connection of that connector.
 */
export function sandboxWebhookSimulators(
  sandbox: boolean,
  env: Record<string, string | undefined>,
  connectors: readonly Connector[],
): Record<string, string> | undefined {
  if (!sandbox) return undefined;
  const entries = connectors
    .filter((connector) => connector.webhook && connector.manifest.kind === "hris")
    .map((connector) => [connector.manifest.id, env[`${connector.manifest.id.toUpperCase().replace(/-/g, "_")}_SANDBOX_URL`]])
    .filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== "")
    .map(([id, url]) => [id, url.replace(/\/+$/, "")]);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** The sandbox hints `pnpm start` hands the API (SANDBOX_CONNECT_HINTS): connector id → sentence. */
export function sandboxConnectHintsFromEnv(
  sandbox: boolean,
  env: Record<string, string | undefined>,
): Record<string, string> | undefined {
  if (!sandbox || !env.SANDBOX_CONNECT_HINTS) return undefined;
  try {
    const parsed = z.record(z.string(), z.string()).safeParse(JSON.parse(env.SANDBOX_CONNECT_HINTS));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Points a simulator's sandbox webhook at a connection's webhook URL, signed with the
 * connection's own webhook secret, so a change in the simulator reaches this API as the
 * provider's delivery would. Best effort: a failure is logged and reported, never thrown.
 */
export async function pointSandboxRecordWebhook(input: {
  simulatorUrl: string;
  webhookUrl: string;
  secret: string;
  log: Logger;
}): Promise<"pointed" | "failed"> {
  try {
    const res = await fetch(`${input.simulatorUrl}/__admin/webhook`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ url: input.webhookUrl, privateKey: input.secret }),
      signal: AbortSignal.timeout(5_000),
    });
    if (!res.ok) throw new Error(`the simulator answered ${res.status}`);
    input.log.info({ webhookUrl: input.webhookUrl }, "sandbox: the simulator's webhook points at this API");
    return "pointed";
  } catch (error) {
    input.log.warn({ err: error }, "sandbox: could not point the simulator's webhook at this API");
    return "failed";
  }
}

/**
 * Points the simulator of `connectorId` at one connection, if it is that connector's, turned
 * on, and has a webhook secret. `attempts` covers a simulator still starting beside the API.
 */
export async function pointSandboxAtConnection(
  deps: ApiDeps,
  connector: Connector,
  connectionId: string,
  attempts = 1,
): Promise<"pointed" | "failed" | "skipped"> {
  const simulatorUrl = deps.connections?.sandboxWebhookSimulators?.[connector.manifest.id];
  const encryptionKey = deps.config.ENCRYPTION_KEY;
  if (!simulatorUrl || !encryptionKey || !connector.webhook) return "skipped";
  const row = await deps.db
    .selectFrom("connections")
    .select(["id", "status", "credentials_encrypted"])
    .where("id", "=", connectionId)
    .where("connector_id", "=", connector.manifest.id)
    .executeTakeFirst();
  if (!row || row.status === "disabled") return "skipped";
  let secret: string | null;
  try {
    secret = connector.webhook.secret(decryptJson(row.credentials_encrypted, encryptionKey, row.id));
  } catch {
    return "skipped"; // stored under another key: its deliveries could not be checked anyway
  }
  if (!secret) return "skipped";
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const outcome = await pointSandboxRecordWebhook({
      simulatorUrl,
      webhookUrl: connectorWebhookUrl(deps, connector.manifest.id, row.id),
      secret,
      // Only the last failure is worth a warning: the first ones are the simulator still starting.
      log: attempt < attempts ? deps.log.child({}, { level: "silent" }) : deps.log,
    });
    if (outcome === "pointed" || attempt === attempts) return outcome;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return "failed";
}

/**
 * Sandbox start-up: the simulators forget their webhook when they restart. For each, the most
 * recently saved connection of its connector that can take deliveries gets it again.
 */
export async function pointSandboxSimulatorsAtLatest(deps: ApiDeps, connectors: readonly Connector[]): Promise<void> {
  for (const connectorId of Object.keys(deps.connections?.sandboxWebhookSimulators ?? {})) {
    const connector = connectors.find((c) => c.manifest.id === connectorId);
    if (!connector) continue;
    try {
      const rows = await deps.db
        .selectFrom("connections")
        .select("id")
        .where("connector_id", "=", connectorId)
        .where("status", "!=", "disabled")
        .orderBy("updated_at", "desc")
        .execute();
      for (const row of rows) {
        if ((await pointSandboxAtConnection(deps, connector, row.id, 20)) !== "skipped") break;
      }
    } catch (error) {
      deps.log.warn({ err: error, connectorId }, "sandbox: could not restore the simulator's webhook");
    }
  }
}
