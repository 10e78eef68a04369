import type { Database, Transaction } from "@roster/db";
import { emitConnectionDisabled, emitConnectionRestored, emitSyncFinished, lifecycleEpisodeOpen } from "@roster/webhooks";
import type { PolicyDecision } from "./apply-sync-outcome";
import type { ConnectionRow } from "./connection-row";
import type { SyncOutcome } from "./deps";

/**
 * The change webhooks of one sync outcome, in the policy's transaction: sync.succeeded or
 * sync.failed, then connection.disabled when this failure disabled the connection, or
 * connection.restored when this success closes a failure or disable episode.
 */
export async function withWebhookEvents(
  trx: Transaction<Database>,
  connection: ConnectionRow,
  outcome: SyncOutcome,
  decide: () => Promise<PolicyDecision>,
): Promise<PolicyDecision> {
  const restores =
    outcome.status === "succeeded" && connection.status !== "disabled" && (await lifecycleEpisodeOpen(trx, connection.id));
  await emitSyncFinished(trx, connection, outcome);
  const decision = await decide();
  if (decision.status === "disabled" && connection.status !== "disabled") {
    const row = await trx.selectFrom("connections").select("disabled_reason").where("id", "=", connection.id).executeTakeFirst();
    await emitConnectionDisabled(trx, connection, { reason: row?.disabled_reason ?? "disabled", by: "policy" });
  }
  if (restores) await emitConnectionRestored(trx, connection, outcome.runId);
  return decision;
}
