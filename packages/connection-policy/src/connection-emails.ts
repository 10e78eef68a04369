import type { Database, Kysely } from "@roster/db";
import {
  connectionDisabled,
  connectionRestored,
  connectionUrl,
  type EmailContent,
  type EmailKind,
  enqueueEmail,
  syncFailed,
  syncRunUrl,
} from "@roster/email";
import type { ConnectionRow } from "./connection-row";
import type { PolicyConfig } from "./deps";
import { nextRetryAt } from "./next-sync-at";

/** Everything the three connection emails are built from. */
export interface ConnectionEmailContext {
  connection: Pick<ConnectionRow, "id" | "organisation_id" | "display_name">;
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

export function enqueueSyncFailedEmail(db: Kysely<Database>, ctx: ConnectionEmailContext): Promise<boolean> {
  return enqueue(
    db,
    ctx,
    "sync_failed",
    syncFailed({
      connectionName: ctx.connection.display_name,
      failedAt: ctx.now,
      errorKind: ctx.errorKind,
      errorMessage: ctx.errorMessage,
      runUrl: syncRunUrl(ctx.config.PUBLIC_URL, ctx.connection.id, ctx.runId),
      nextRetryAt: nextRetryAt(ctx.now, ctx.config),
      maxConsecutiveFailures: ctx.config.MAX_CONSECUTIVE_FAILURES,
    }),
  );
}

export function enqueueDisabledEmail(db: Kysely<Database>, ctx: ConnectionEmailContext): Promise<boolean> {
  return enqueue(
    db,
    ctx,
    "connection_disabled",
    connectionDisabled({
      connectionName: ctx.connection.display_name,
      disabledAt: ctx.now,
      consecutiveFailures: ctx.consecutiveFailures,
      errorKind: ctx.errorKind,
      errorMessage: ctx.errorMessage,
      runUrl: syncRunUrl(ctx.config.PUBLIC_URL, ctx.connection.id, ctx.runId),
      connectionUrl: connectionUrl(ctx.config.PUBLIC_URL, ctx.connection.id),
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
