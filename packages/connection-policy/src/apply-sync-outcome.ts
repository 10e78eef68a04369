import type { ConnectionStatus, Database, Transaction } from "@roster/db";
import type { EmailKind } from "@roster/email";
import {
  type ConnectionEmailContext,
  enqueueDisabledEmail,
  enqueueRestoredEmail,
  enqueueSyncFailedEmail,
} from "./connection-emails";
import type { ConnectionRow } from "./connection-row";
import type { PolicyConfig, SyncOutcome } from "./deps";
import { recordIssuesOfOutcome } from "./integration-issues";
import { nextRetryAt, nextScheduledSyncAt } from "./next-sync-at";
import { enqueuePermissionEmails } from "./permission-emails";
import { connectionAlertRecipients } from "./recipients";
import { withWebhookEvents } from "./webhook-events";

/** What the policy decided, for logs and tests. */
export interface PolicyDecision {
  status: ConnectionStatus;
  consecutiveFailures: number;
  nextSyncAt: Date | null;
  emails: EmailKind[];
}

// Provider messages can be pages of HTML; the run keeps the full text, emails and the reason a summary.
const summary = (text: string, max = 500) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * The product policy, applied to one sync outcome inside the caller's transaction (the
 * caller holds the connection row locked):
 *
 * - success: counter reset, status active, next sync after the interval, and a "restored"
 *   email when a failure email had gone out (failure_notified);
 * - failure: counter + 1; the first failure of an episode (counter was 0) emails the
 *   notification address and the owners once; retries after RETRY_INTERVAL_MINUTES;
 * - the MAX_CONSECUTIVE_FAILURES-th failure in a row disables the connection and says so;
 * - either way, a run that found the token lost or regained permissions emails that once;
 * - the integration issues the outcome opens or resolves (integration-issues.ts), announced by
 *   webhook event and, unless the outcome already emailed, by email.
 *
 * A connection disabled while its sync ran (by an owner) stays disabled. The change webhooks
 * of the outcome are written in the same transaction (webhook-events.ts).
 */
export async function applySyncOutcome(
  trx: Transaction<Database>,
  connection: ConnectionRow,
  outcome: SyncOutcome,
  now: Date,
  config: PolicyConfig,
): Promise<PolicyDecision> {
  return withWebhookEvents(trx, connection, outcome, () => decideSyncOutcome(trx, connection, outcome, now, config));
}

async function decideSyncOutcome(
  trx: Transaction<Database>,
  connection: ConnectionRow,
  outcome: SyncOutcome,
  now: Date,
  config: PolicyConfig,
): Promise<PolicyDecision> {
  const decision = await applyPolicy(trx, connection, outcome, now, config);
  // In the policy's transaction: a job retried after this commit finds the outcome applied.
  await trx.updateTable("sync_runs").set({ outcome_applied_at: now }).where("id", "=", outcome.runId).execute();
  // After the outcome's own emails: an issue it opens or resolves is emailed only when they said nothing.
  await recordIssuesOfOutcome(trx, connection, outcome, now, { publicUrl: config.PUBLIC_URL });
  return decision;
}

async function applyPolicy(
  trx: Transaction<Database>,
  connection: ConnectionRow,
  outcome: SyncOutcome,
  now: Date,
  config: PolicyConfig,
): Promise<PolicyDecision> {
  const succeeded = outcome.status === "succeeded";
  // Whatever the run's end, a token that lost (or regained) permissions is news for the owners.
  const permissionEmails =
    connection.status === "disabled"
      ? []
      : await enqueuePermissionEmails(
          trx,
          connection,
          outcome.runId,
          await connectionAlertRecipients(trx, connection),
          now,
          config,
        );
  if (connection.status === "disabled") {
    await trx
      .updateTable("connections")
      .set({ last_sync_at: now, ...(succeeded ? { last_success_at: now } : {}), updated_at: now })
      .where("id", "=", connection.id)
      .execute();
    return { status: "disabled", consecutiveFailures: connection.consecutive_failures, nextSyncAt: null, emails: [] };
  }
  const decision = succeeded
    ? await applySuccess(trx, connection, outcome, now, config)
    : await applyFailure(trx, connection, outcome, now, config);
  return { ...decision, emails: [...permissionEmails, ...decision.emails] };
}

async function applySuccess(
  trx: Transaction<Database>,
  connection: ConnectionRow,
  outcome: SyncOutcome,
  now: Date,
  config: PolicyConfig,
): Promise<PolicyDecision> {
  const nextSyncAt = nextScheduledSyncAt(now, connection, config);
  const emails: EmailKind[] = [];
  if (connection.failure_notified) {
    const ctx: ConnectionEmailContext = {
      connection,
      runId: outcome.runId,
      now,
      config,
      recipients: await connectionAlertRecipients(trx, connection),
      errorKind: "",
      errorMessage: "",
      consecutiveFailures: 0,
    };
    if (await enqueueRestoredEmail(trx, ctx)) emails.push("connection_restored");
  }
  await trx
    .updateTable("connections")
    .set({
      status: "active",
      consecutive_failures: 0,
      failure_notified: false,
      disabled_reason: null,
      next_sync_at: nextSyncAt,
      last_sync_at: now,
      last_success_at: now,
      updated_at: now,
    })
    .where("id", "=", connection.id)
    .execute();
  return { status: "active", consecutiveFailures: 0, nextSyncAt, emails };
}

async function applyFailure(
  trx: Transaction<Database>,
  connection: ConnectionRow,
  outcome: SyncOutcome,
  now: Date,
  config: PolicyConfig,
): Promise<PolicyDecision> {
  const consecutiveFailures = connection.consecutive_failures + 1;
  const errorKind = outcome.errorKind ?? "unknown";
  const ctx: ConnectionEmailContext = {
    connection,
    runId: outcome.runId,
    now,
    config,
    recipients: await connectionAlertRecipients(trx, connection),
    errorKind,
    errorMessage: summary(outcome.errorMessage ?? "The sync failed without an error message."),
    consecutiveFailures,
  };

  if (consecutiveFailures >= config.MAX_CONSECUTIVE_FAILURES) {
    const notified = await enqueueDisabledEmail(trx, ctx);
    await trx
      .updateTable("connections")
      .set({
        status: "disabled",
        consecutive_failures: consecutiveFailures,
        disabled_reason: summary(
          `Disabled after ${consecutiveFailures} failed syncs in a row; last error: ${errorKind}: ${ctx.errorMessage}`,
        ),
        next_sync_at: null,
        failure_notified: connection.failure_notified || notified,
        last_sync_at: now,
        updated_at: now,
      })
      .where("id", "=", connection.id)
      .execute();
    return { status: "disabled", consecutiveFailures, nextSyncAt: null, emails: notified ? ["connection_disabled"] : [] };
  }

  // One email per episode: only the failure that follows a success (or a re-enable) sends one.
  const notified = connection.consecutive_failures === 0 && (await enqueueSyncFailedEmail(trx, ctx));
  const nextSyncAt = nextRetryAt(now, config);
  await trx
    .updateTable("connections")
    .set({
      status: "failing",
      consecutive_failures: consecutiveFailures,
      next_sync_at: nextSyncAt,
      failure_notified: connection.failure_notified || notified,
      last_sync_at: now,
      updated_at: now,
    })
    .where("id", "=", connection.id)
    .execute();
  return { status: "failing", consecutiveFailures, nextSyncAt, emails: notified ? ["sync_failed"] : [] };
}
