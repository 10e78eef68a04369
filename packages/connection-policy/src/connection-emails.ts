import { errorKindLabel } from "@roster/core";
import type { Database, Kysely } from "@roster/db";
import {
  connectionDisabled,
  connectionRestored,
  connectionUrl,
  type EmailContent,
  type EmailKind,
  enqueueEmail,
  integrationSettingsUrl,
  syncFailed,
  syncRunUrl,
} from "@roster/email";
import type { ConnectionRow } from "./connection-row";
import type { PolicyConfig } from "./deps";
import { nextRetryAt } from "./next-sync-at";

/** Everything the three connection emails are built from. */
export interface ConnectionEmailContext {
  connection: Pick<ConnectionRow, "id" | "organisation_id" | "display_name" | "connector_id">;
  runId: string;
  now: Date;
  config: PolicyConfig;
  recipients: string[];
  errorKind: string;
  errorMessage: string;
  consecutiveFailures: number;
}

async function enqueue(
  db: Kysely<Database>,
  ctx: ConnectionEmailContext,
  kind: EmailKind,
  content: EmailContent,
): Promise<boolean> {
  if (ctx.recipients.length === 0) return false;
  const queued = await enqueueEmail(db, {
    organisationId: ctx.connection.organisation_id,
    connectionId: ctx.connection.id,
    kind,
    to: ctx.recipients,
    ...content,
    // Keyed by the run that caused it: re-applying the same outcome never emails twice.
    dedupeKey: `${kind}:${ctx.connection.id}:${ctx.runId}`,
  });
  return queued !== null;
}

/** What the run said to do about its failure (the connector's hint), if anything. */
async function runHint(db: Kysely<Database>, runId: string): Promise<string | null> {
  const row = await db
    .selectFrom("sync_errors")
    .select("hint")
    .where("run_id", "=", runId)
    .where("hint", "is not", null)
    .orderBy("id")
    .executeTakeFirst();
  return row?.hint ?? null;
}

export async function enqueueSyncFailedEmail(db: Kysely<Database>, ctx: ConnectionEmailContext): Promise<boolean> {
  // A rejected token is fixed in one form: the email's button goes straight there.
  const fix =
    ctx.errorKind === "invalid_credentials"
      ? { label: "Replace the token", url: integrationSettingsUrl(ctx.config.PUBLIC_URL, ctx.connection.connector_id, "rotate") }
      : ctx.errorKind === "forbidden"
        ? { label: "Review permissions", url: integrationSettingsUrl(ctx.config.PUBLIC_URL, ctx.connection.connector_id) }
        : null;
  return enqueue(
    db,
    ctx,
    "sync_failed",
    syncFailed({
      connectionName: ctx.connection.display_name,
      failedAt: ctx.now,
      errorLabel: errorKindLabel(ctx.errorKind),
      errorMessage: ctx.errorMessage,
      hint: await runHint(db, ctx.runId),
      fix,
      runUrl: syncRunUrl(ctx.config.PUBLIC_URL, ctx.connection.id, ctx.runId),
      nextRetryAt: nextRetryAt(ctx.now, ctx.config),
      maxConsecutiveFailures: ctx.config.MAX_CONSECUTIVE_FAILURES,
    }),
  );
}

export async function enqueueDisabledEmail(db: Kysely<Database>, ctx: ConnectionEmailContext): Promise<boolean> {
  return enqueue(
    db,
    ctx,
    "connection_disabled",
    connectionDisabled({
      connectionName: ctx.connection.display_name,
      disabledAt: ctx.now,
      consecutiveFailures: ctx.consecutiveFailures,
      errorLabel: errorKindLabel(ctx.errorKind),
      errorMessage: ctx.errorMessage,
      hint: await runHint(db, ctx.runId),
      runUrl: syncRunUrl(ctx.config.PUBLIC_URL, ctx.connection.id, ctx.runId),
      connectionUrl: connectionUrl(ctx.config.PUBLIC_URL, ctx.connection.id),
      settingsUrl: integrationSettingsUrl(
        ctx.config.PUBLIC_URL,
        ctx.connection.connector_id,
        ctx.errorKind === "invalid_credentials" ? "rotate" : undefined,
      ),
    }),
  );
}

export function enqueueRestoredEmail(db: Kysely<Database>, ctx: ConnectionEmailContext): Promise<boolean> {
  return enqueue(
    db,
    ctx,
    "connection_restored",
    connectionRestored({
      connectionName: ctx.connection.display_name,
      restoredAt: ctx.now,
      connectionUrl: connectionUrl(ctx.config.PUBLIC_URL, ctx.connection.id),
    }),
  );
}
