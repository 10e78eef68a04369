import { type Connector, type ModelName, modelLabels } from "@roster/core";
import { type Db, sql } from "@roster/db";
import type { ConnectionDeps } from "./deps";

/** An installed connector's state as the overview names it. */
export type IntegrationState = "not_connected" | "healthy" | "partial" | "retrying" | "disabled";

/** What the state asks of the owner; the web app turns each into a link to the place that does it. */
export type IntegrationAction = "connect" | "fix_failure" | "grant_permissions" | "re_enable" | "none";

const actionWords: Record<IntegrationAction, string> = {
  connect: "Connect it with an access token.",
  fix_failure: "Syncs are failing: read the error, then replace the token if it was rejected.",
  grant_permissions: "Some data is no longer kept current: grant the missing permissions to the token.",
  re_enable: "Syncs are stopped: fix the cause, then re-enable the connection.",
  none: "Nothing to do.",
};

const actionFor: Record<IntegrationState, IntegrationAction> = {
  not_connected: "connect",
  healthy: "none",
  partial: "grant_permissions",
  retrying: "fix_failure",
  disabled: "re_enable",
};

// The synced tables, by the model their rows are; deleted records are not held.
const tablesByModel = {
  companies: "companies",
  departments: "departments",
  locations: "locations",
  employees: "employees",
  employments: "employments",
  customFields: "custom_fields",
  customFieldValues: "custom_field_values",
  candidates: "candidates",
} as const satisfies Record<ModelName, string>;

async function recordsHeld(db: Db, connectionIds: readonly string[]) {
  if (connectionIds.length === 0) return new Map<string, Map<string, number>>();
  const counts = Object.entries(tablesByModel).map(
    ([model, table]) =>
      sql<{ connection_id: string; model: string; n: string }>`
        select connection_id, ${model}::text as model, count(*)::text as n from ${sql.table(table)}
        where connection_id = any(${connectionIds}::uuid[]) and remote_deleted_at is null group by connection_id`,
  );
  const { rows } = await sql<{ connection_id: string; model: string; n: string }>`${sql.join(counts, sql` union all `)}`.execute(
    db,
  );
  const byConnection = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const held = byConnection.get(row.connection_id) ?? new Map<string, number>();
    held.set(row.model, Number(row.n));
    byConnection.set(row.connection_id, held);
  }
  return byConnection;
}

/** The models a connector's streams write, in stream order, each once. */
function modelsOf(connector: Connector): ModelName[] {
  return [...new Set(Object.values(connector.streams).map((s) => s.model as ModelName))];
}

export interface IntegrationOverviewItem {
  connectorId: string;
  connectorName: string;
  kind: "hris" | "ats";
  /** Null: the organisation has not connected this connector. */
  connectionId: string | null;
  displayName: string;
  state: IntegrationState;
  syncing: boolean;
  consecutiveFailures: number;
  lastSyncAt: Date | null;
  lastSuccessAt: Date | null;
  nextSyncAt: Date | null;
  lastRunId: string | null;
  /** Live (not deleted) records per model the connector writes, in people's words. */
  records: { model: ModelName; label: string; count: number }[];
  action: { kind: IntegrationAction; words: string };
}

/**
 * Settings → Integrations and the dashboard's first card: every installed connector, with each of
 * the organisation's connections to it (or "not connected"), its state, last and next sync, the
 * records Roster holds from it by type, and the action the state needs.
 */
export async function integrationsOverview(deps: ConnectionDeps, organisationId: string): Promise<IntegrationOverviewItem[]> {
  const connections = await deps.db
    .selectFrom("connections as c")
    .select((eb) => [
      "c.id",
      "c.connector_id",
      "c.display_name",
      "c.status",
      "c.consecutive_failures",
      "c.last_sync_at",
      "c.last_success_at",
      "c.next_sync_at",
      eb
        .exists(
          eb
            .selectFrom("connection_stale_fields as s")
            .whereRef("s.connection_id", "=", "c.id")
            .where("s.lost", "=", true)
            .select("s.field"),
        )
        .as("lost_permissions"),
      eb
        .selectFrom("sync_runs as r")
        .whereRef("r.connection_id", "=", "c.id")
        .where("r.status", "<>", "running")
        .orderBy("r.started_at", "desc")
        .limit(1)
        .select("r.id")
        .as("last_run_id"),
      eb
        .exists(
          eb
            .selectFrom("sync_runs as r")
            .whereRef("r.connection_id", "=", "c.id")
            .where("r.status", "=", "running")
            .select("r.id"),
        )
        .as("syncing"),
    ])
    .where("c.organisation_id", "=", organisationId)
    .orderBy("c.created_at")
    .execute();
  const held = await recordsHeld(
    deps.db,
    connections.map((c) => c.id),
  );
  return deps.connectors.flatMap((connector): IntegrationOverviewItem[] => {
    const own = connections.filter((c) => c.connector_id === connector.manifest.id);
    const base = { connectorId: connector.manifest.id, connectorName: connector.manifest.name, kind: connector.manifest.kind };
    if (own.length === 0) {
      return [
        {
          ...base,
          connectionId: null,
          displayName: connector.manifest.name,
          state: "not_connected",
          syncing: false,
          consecutiveFailures: 0,
          lastSyncAt: null,
          lastSuccessAt: null,
          nextSyncAt: null,
          lastRunId: null,
          records: [],
          action: { kind: actionFor.not_connected, words: actionWords.connect },
        },
      ];
    }
    return own.map((c) => {
      const state: IntegrationState =
        c.status === "disabled" ? "disabled" : c.status === "failing" ? "retrying" : c.lost_permissions ? "partial" : "healthy";
      const counts = held.get(c.id);
      return {
        ...base,
        connectionId: c.id,
        displayName: c.display_name,
        state,
        syncing: Boolean(c.syncing),
        consecutiveFailures: c.consecutive_failures,
        lastSyncAt: c.last_sync_at,
        lastSuccessAt: c.last_success_at,
        nextSyncAt: c.status === "disabled" ? null : c.next_sync_at,
        lastRunId: c.last_run_id ?? null,
        records: modelsOf(connector).map((model) => ({
          model,
          label: modelLabels[model].many,
          count: counts?.get(model) ?? 0,
        })),
        action: { kind: actionFor[state], words: actionWords[actionFor[state]] },
      };
    });
  });
}
