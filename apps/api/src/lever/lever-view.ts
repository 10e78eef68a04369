import { findLeverConnection, storedLeverCredentials } from "@roster/connections";
import { sql } from "@roster/db";
import { loadHireConnection } from "@roster/hire-export";
import { secretHint } from "@roster/secrets";
import { connectionDeps } from "../connections/connection-deps";
import type { ApiDeps } from "../context";
import { listExportTargets } from "./export-targets";
import { parseLeverSettings } from "./lever-settings";
import { leverWebhookUrl } from "./public-url";

const hintOf = (value: unknown) => (typeof value === "string" && value !== "" ? secretHint(value) : null);

/**
 * Settings → Integrations → Lever as the page shows it (owners and admins): the settings, the
 * connection's sync status, what is stored (secrets only as "••••1234"; the Zenefits company id
 * is not a secret), the webhook URL to paste into Lever, and the exports at a glance.
 */
export async function leverSetupView(deps: ApiDeps, organisationId: string) {
  const row = await findLeverConnection(deps, organisationId);
  // "Send hires to": the organisation's HRIS connections that can receive hires.
  const base = { sandbox: deps.config.SANDBOX, exportTargets: await listExportTargets(deps.db, organisationId) };
  if (!row) return { ...base, connection: null };

  const service = connectionDeps(deps);
  const stored = storedLeverCredentials(service, row);
  const loaded = await loadHireConnection(deps.db, service.encryptionKey, row.id);
  const [lastRun, exports, lastFailure] = await Promise.all([
    deps.db
      .selectFrom("sync_runs")
      .select(["status", "finished_at", "error_message"])
      .where("connection_id", "=", row.id)
      .where("status", "<>", "running")
      .orderBy("started_at", "desc")
      .executeTakeFirst(),
    deps.db
      .selectFrom("hire_transfers")
      .select(["status", sql<number>`count(*)::int`.as("n")])
      .where("connection_id", "=", row.id)
      .groupBy("status")
      .execute(),
    deps.db
      .selectFrom("hire_transfers")
      .select(["id", "candidate_name", "opportunity_id", "error", "last_attempt_at", "attempts"])
      .where("connection_id", "=", row.id)
      .where("status", "=", "failed")
      .orderBy("last_attempt_at", "desc")
      .executeTakeFirst(),
  ]);
  const count = (status: string) => exports.find((e) => e.status === status)?.n ?? 0;
  const settings = parseLeverSettings(row.settings);

  return {
    ...base,
    connection: {
      id: row.id,
      webhookUrl: leverWebhookUrl(deps, row.id),
      settings,
      credentials: {
        apiKeyHint: hintOf(stored.apiKey),
        webhookSigningTokenHint: hintOf(stored.webhookSigningToken),
        zenefitsCompanyId: typeof stored.zenefitsCompanyId === "string" ? stored.zenefitsCompanyId : null,
        zenefitsClientSecretHint: hintOf(stored.zenefitsClientSecret),
        /** Why the stored credentials cannot be used (for example, a changed ENCRYPTION_KEY), or null. */
        problem: loaded?.credentialsProblem ?? null,
      },
      sync: {
        status: row.status,
        disabledReason: row.disabled_reason,
        lastSyncAt: row.last_sync_at,
        lastSuccessAt: row.last_success_at,
        lastRun: lastRun
          ? { status: lastRun.status, finishedAt: lastRun.finished_at, errorMessage: lastRun.error_message }
          : null,
      },
      exports: {
        succeeded: count("succeeded"),
        failed: count("failed"),
        pending: count("pending"),
        lastFailure: lastFailure
          ? {
              transferId: lastFailure.id,
              candidateName: lastFailure.candidate_name ?? `Lever candidate ${lastFailure.opportunity_id}`,
              error: lastFailure.error,
              at: lastFailure.last_attempt_at,
              attempts: lastFailure.attempts,
            }
          : null,
      },
    },
  };
}

export type LeverSetupView = Awaited<ReturnType<typeof leverSetupView>>;
