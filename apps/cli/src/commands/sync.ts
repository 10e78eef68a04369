import { type PolicyDecision, recordSyncOutcome } from "@roster/connection-policy";
import { SyncAbortedError } from "@roster/core";
import type { Db } from "@roster/db";
import { connectors } from "@roster/registry";
import { SecretDecryptionError } from "@roster/secrets";
import { ConnectionNotFoundError, runConnectionSync, SyncInProgressError, type SyncOutcome, totals } from "@roster/sync";
import { config } from "../config";
import { connectionById } from "../connection-lookup";
import { connectorById } from "../connector-lookup";
import { openDatabase, resolveEncryptionKey } from "../database";
import { CliError, ExitCode, type ExitCodeValue, notFound, usageError } from "../exit-codes";
import { parseConnectionId } from "../options";
import { countColumns, countRows } from "../output/counts-table";
import { formatDuration, formatTime, plural } from "../output/format";
import { createCliLogger } from "../output/log-sink";
import type { Output } from "../output/output";
import { SyncProgress } from "../output/progress";
import { printRunErrors } from "../output/run-errors";
import { renderTable } from "../output/table";
import { runErrors } from "../sync-errors";

/** Ctrl-C once: abort the sync at the next safe point. Twice: leave at once. */
function interruptOnSigint(controller: AbortController, out: Output): () => void {
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(ExitCode.interrupted);
    out.note(out.c.yellow("Stopping after the batch in flight… (Ctrl-C again to quit at once)"));
    controller.abort();
  };
  process.on("SIGINT", onSigint);
  process.on("SIGTERM", onSigint);
  return () => {
    process.off("SIGINT", onSigint);
    process.off("SIGTERM", onSigint);
  };
}

/**
 * `roster sync <connectionId>`: runs the connection's sync in this process, exactly as the
 * worker would (same engine, same advisory lock, recorded in sync_runs), with live progress.
 * Its outcome then goes through the same policy as the worker's (@roster/connection-policy):
 * a failure counts towards auto-disable, schedules the retry and emails the owners.
 */
export async function syncCommand(out: Output, rawId: string): Promise<ExitCodeValue> {
  const connectionId = parseConnectionId(rawId);
  const encryptionKey = resolveEncryptionKey();
  const policy = config();
  const db = await openDatabase();
  try {
    return await syncWith(out, db, connectionId, encryptionKey, policy);
  } finally {
    await db.destroy();
  }
}

async function syncWith(
  out: Output,
  db: Db,
  connectionId: string,
  encryptionKey: string,
  policy: ReturnType<typeof config>,
): Promise<ExitCodeValue> {
  const connection = await connectionById(db, connectionId);
  const connector = connectorById(connection.connector_id);
  const streams = Object.keys(connector.streams);
  const { c } = out;
  if (connection.status === "disabled") {
    out.note(
      c.yellow(`This connection is disabled (${connection.disabled_reason ?? "no reason recorded"}); syncing anyway as asked.`),
    );
  }
  if (!out.json)
    out.note(`Syncing ${c.bold(connection.display_name)} ${c.dim(`(${connector.manifest.name}, ${connection.id})`)}`);

  const progress = out.json ? null : new SyncProgress(out, streams, process.stderr.isTTY === true);
  // Retries and skipped streams are worth seeing live; the failure itself is printed below in full.
  const log = createCliLogger(out, process.env.LOG_LEVEL ?? "warn", progress?.log, (entry) => entry.msg !== "sync failed");
  const controller = new AbortController();
  const release = interruptOnSigint(controller, out);
  const started = performance.now();
  let outcome: SyncOutcome;
  try {
    outcome = await runConnectionSync({
      db,
      connectionId,
      trigger: "cli",
      connectors,
      encryptionKey,
      log,
      signal: controller.signal,
      onProgress: (counts) => progress?.update(counts),
    });
    progress?.update(outcome.counts);
  } catch (error) {
    const explained = await explainSyncError(db, connectionId, error);
    // A crash (a bug, a lost connection) counts against the connection as it does in the worker.
    if (explained === error) {
      const message = error instanceof Error ? error.message : String(error);
      await recordSyncOutcome(db, connectionId, { status: "crashed", trigger: "cli", errorMessage: message }, policy).catch(
        () => {},
      );
    }
    throw explained;
  } finally {
    progress?.stop();
    release();
  }
  const elapsedMs = performance.now() - started;
  const decision = await recordSyncOutcome(
    db,
    connectionId,
    { runId: outcome.runId, status: outcome.status, errorKind: outcome.errorKind, errorMessage: outcome.errorMessage },
    policy,
  );
  const { errors, total } = await runErrors(db, outcome.runId, 20);
  const failed = outcome.status === "failed";

  out.data({
    ok: !failed,
    runId: outcome.runId,
    connectionId,
    connector: connector.manifest.id,
    status: outcome.status,
    resumed: outcome.resumed,
    durationMs: Math.round(elapsedMs),
    ...(failed ? { error: { kind: outcome.errorKind, message: outcome.errorMessage } } : {}),
    account: outcome.verify?.account ?? null,
    missingPermissions: outcome.verify?.missing ?? [],
    counts: outcome.counts,
    totals: totals(outcome.counts),
    errors,
    errorCount: total,
    connection: decision
      ? {
          status: decision.status,
          consecutiveFailures: decision.consecutiveFailures,
          nextSyncAt: decision.nextSyncAt?.toISOString() ?? null,
          emails: decision.emails,
        }
      : null,
  });

  if (Object.keys(outcome.counts).length > 0) {
    out.line();
    out.line(renderTable([{ header: "STREAM" }, ...countColumns], countRows(outcome.counts, streams, c)));
  }
  out.line();
  const resumed = outcome.resumed ? " (resumed an interrupted run)" : "";
  // The run-level error is the failure itself: print it once, with its hint, above the others.
  const runLevel = errors.find((e) => e.stream === null && e.message === outcome.errorMessage);
  const others = errors.filter((e) => e !== runLevel);
  if (failed) {
    out.line(
      `${c.red("✗ Sync failed")} after ${formatDuration(elapsedMs)}${resumed}: ${c.bold(outcome.errorKind ?? "error")} ${c.dim(`run ${outcome.runId}`)}`,
    );
    out.line(`  ${outcome.errorMessage ?? ""}`);
    if (runLevel?.hint) out.line(`  ${c.dim(`hint: ${runLevel.hint}`)}`);
  } else {
    out.line(`${c.green("✓ Sync succeeded")} in ${formatDuration(elapsedMs)}${resumed} ${c.dim(`run ${outcome.runId}`)}`);
  }
  const otherTotal = total - (runLevel ? 1 : 0);
  if (otherTotal > 0) {
    out.line();
    out.line(`${otherTotal} record${otherTotal === 1 ? "" : "s"} or stream${otherTotal === 1 ? "" : "s"} could not be stored:`);
    printRunErrors(out, others, otherTotal);
    if (otherTotal > others.length) out.line(c.dim(`  All of them: roster runs ${connectionId} --errors --json`));
  }
  if (decision) printDecision(out, decision, policy.MAX_CONSECUTIVE_FAILURES);
  return failed ? ExitCode.failed : ExitCode.ok;
}

/** What the policy made of the run: the connection's state, its next sync and the emails queued. */
function printDecision(out: Output, decision: PolicyDecision, maxFailures: number): void {
  const { c } = out;
  out.line();
  const state =
    decision.status === "failing"
      ? c.yellow(`failing: ${plural(decision.consecutiveFailures, "failure")} in a row (disabled after ${maxFailures})`)
      : decision.status === "disabled"
        ? c.red("disabled")
        : c.green(decision.status);
  out.line(`Connection ${state}${decision.nextSyncAt ? `; next sync ${formatTime(decision.nextSyncAt)}` : ""}.`);
  if (decision.emails.length > 0) out.line(`Emails queued: ${decision.emails.join(", ")}.`);
}

/** Maps what runConnectionSync throws (as opposed to a failed run, which it returns) to an exit code. */
async function explainSyncError(db: Db, connectionId: string, error: unknown): Promise<unknown> {
  if (error instanceof SyncAbortedError) {
    const run = await db
      .selectFrom("sync_runs")
      .select(["id", "counts"])
      .where("connection_id", "=", connectionId)
      .where("status", "=", "running")
      .orderBy("started_at", "desc")
      .executeTakeFirst();
    return new CliError(ExitCode.interrupted, `Sync interrupted${run ? ` (run ${run.id})` : ""}.`, {
      kind: "aborted",
      hint: `Nothing is lost: the run stays resumable from its last saved batch. Run \`roster sync ${connectionId}\` again to continue it (the worker will also pick it up).`,
      data: { status: "aborted", resumable: true, runId: run?.id ?? null, counts: run?.counts ?? null },
    });
  }
  if (error instanceof SyncInProgressError) {
    return new CliError(
      ExitCode.failed,
      `A sync of connection ${connectionId} is already running (the worker, or another \`roster sync\`).`,
      {
        kind: "in_progress",
        hint: "Wait for it to finish; `roster runs` shows it.",
      },
    );
  }
  if (error instanceof ConnectionNotFoundError) return notFound(error.message);
  if (error instanceof SecretDecryptionError) {
    return usageError(
      `The connection's credentials cannot be decrypted: ${error.message}.`,
      "Use the ENCRYPTION_KEY the API and worker use.",
    );
  }
  return error;
}
