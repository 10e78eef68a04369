import { getConnectionView } from "@roster/connections";
import { type ModelName, modelLabels } from "@roster/core";
import { TRPCError } from "@trpc/server";
import type { ApiDeps } from "../context";
import { connectorWebhookUrl } from "../webhooks/connector-webhook-url";
import { connectionDeps } from "./connection-deps";

/**
 * The dashboard's view of a connection (never a credential beyond its last four characters),
 * plus what the pages need around it: the connector's streams in read order (the live progress
 * bar counts them), how many failures in a row disable a connection, and, for a connector that
 * receives webhooks, the URL to give the provider.
 */
export async function connectionView(deps: ApiDeps, organisationId: string, connectionId: string) {
  const service = connectionDeps(deps);
  const view = await getConnectionView(service, organisationId, connectionId);
  const connector = service.connectors.find((c) => c.manifest.id === view.connectorId);
  const streams = Object.entries(connector?.streams ?? {});
  return {
    ...view,
    streams: streams.map(([name]) => name),
    /** Each stream's collection in people's words ("People", "Custom field values"). */
    streamLabels: Object.fromEntries(streams.map(([name, s]) => [name, modelLabels[s.model as ModelName]?.many ?? name])),
    /** The streams that write people: what "N people synced" counts. */
    peopleStreams: streams.filter(([, s]) => s.model === "employees").map(([name]) => name),
    maxConsecutiveFailures: deps.config.MAX_CONSECUTIVE_FAILURES,
    webhookUrl: connector?.webhook ? connectorWebhookUrl(deps, view.connectorId, view.id) : null,
  };
}

export type ConnectionView = Awaited<ReturnType<typeof connectionView>>;

/** Runs and emails are read by connection: one of another organisation is "not found", never an empty list. */
export async function assertConnectionInOrganisation(deps: ApiDeps, organisationId: string, connectionId: string) {
  const row = await deps.db
    .selectFrom("connections")
    .select("id")
    .where("id", "=", connectionId)
    .where("organisation_id", "=", organisationId)
    .executeTakeFirst();
  if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "No such connection in this organisation" });
}
