import { ConnectorError, type Hire } from "@roster/core";
import type { Task } from "graphile-worker";
import { alreadySentRefusal, lastSent } from "../already-sent";
import { withCandidateLock } from "../candidate-lock";
import { type HireConnection, loadHireConnection } from "../connection";
import { sourceContext, targetContext } from "../contexts";
import type { HireExportDeps } from "../deps";
import { EXPORT_BUSY_RECHECK_SECONDS, type ExportHirePayload, exportHirePayloadSchema, queueExportHire } from "../jobs";
import { notifyExportFailure } from "../notify-failure";
import { offersGoToHris } from "../settings";
import { sentSummary } from "../summary";
import { type ExportTarget, resolveExportTarget } from "../target";
import { type OpenAttempt, openAttempt, openExportIssue, recordFailure, recordSuccess, type TransferFacts } from "../transfers";

/** Thrown after a failure is recorded, so graphile-worker retries the job with backoff. */
export class ExportHireError extends Error {
  override name = "ExportHireError";
}

export type ExportOutcome =
  /** `remoteId`: the HRIS's id of the imported hire. */
  | { status: "sent"; transferId: string; remoteId: string }
  | { status: "skipped"; reason: string }
  | { status: "refused"; transferId: string; reason: string }
  /** Another export of the same candidate is running: nothing was read or recorded. */
  | { status: "busy" };

function describe(error: unknown): string {
  if (error instanceof ConnectorError) return error.hint ? `${error.message}. ${error.hint}` : error.message;
  return `Roster failed while exporting: ${(error as Error)?.message ?? String(error)}`;
}

/**
 * The graphile-worker task: `export_hire` in the worker's task list.
 * @example taskList.export_hire = exportHireTask({ db, encryptionKey, publicUrl, log })
 */
export function exportHireTask(deps: HireExportDeps): Task<"export_hire"> {
  return async (payload, helpers) => {
    const parsed = exportHirePayloadSchema.parse(payload);
    const outcome = await exportHire(deps, parsed, helpers.abortSignal);
    if (outcome.status === "busy") {
      // Not a failure: look again shortly, under the same job key (the running export then has finished).
      const runAt = new Date(Date.now() + EXPORT_BUSY_RECHECK_SECONDS * 1000);
      await queueExportHire(deps.db, parsed, runAt);
      helpers.logger.info(`another export of this candidate is running; looking again at ${runAt.toISOString()}`);
    }
  };
}

/**
 * Reads the candidate from the ATS, and imports the hire into the connection's export target
 * (its HRIS's importHire), recording the chain of attempts in `hire_transfers`. On failure:
 * recorded, the contact emailed once per chain, then ExportHireError is thrown for graphile to
 * retry. The ATS is always re-read: a webhook's body may not be signed, so only the ATS's own
 * answer decides. Holds the candidate's export lock throughout; answers "busy" when another
 * export of it holds the lock.
 */
export async function exportHire(deps: HireExportDeps, payload: ExportHirePayload, signal?: AbortSignal): Promise<ExportOutcome> {
  const held = await withCandidateLock(deps.db, payload, (lockedDb) => exportLocked({ ...deps, db: lockedDb }, payload, signal));
  return held.locked ? held.value : { status: "busy" };
}

async function exportLocked(deps: HireExportDeps, payload: ExportHirePayload, signal?: AbortSignal): Promise<ExportOutcome> {
  const { db } = deps;
  const { connectionId, opportunityId: candidateId, trigger } = payload;
  const log = deps.log.child({ task: "export_hire", connectionId, opportunityId: candidateId, trigger });
  const connection = await loadHireConnection(db, deps.encryptionKey, connectionId);
  if (!connection) return skipped(log, "the connection no longer exists");
  if (!connection.settings.enabled) return skipped(log, "exports are turned off for this connection");
  const ats = connection.connector.manifest.name;
  const resolved = connection.credentials ? await resolveExportTarget(db, deps.encryptionKey, connection) : null;
  const target: ExportTarget | null = resolved?.ok ? resolved.target : null;
  const hris = target?.connector.manifest.name ?? "the HRIS";
  // Checked under the candidate's lock, so two exports can never both find "not sent yet".
  const refusal = alreadySentRefusal(await lastSent(db, connectionId, candidateId), trigger, hris);
  if (refusal) return skipped(log, refusal);

  const facts: TransferFacts = {};
  let attempt: OpenAttempt | null = null;
  const open = async () => {
    attempt ??= await openAttempt(db, {
      organisationId: connection.organisationId,
      connectionId,
      opportunityId: candidateId,
      trigger,
    });
    return attempt;
  };
  const fail = async (reason: string, options: { retry: boolean; notify: boolean }) =>
    recordAndFail(deps, connection, hris, await open(), facts, reason, options, payload);

  try {
    if (!connection.credentials)
      return await fail(connection.credentialsProblem ?? "no credentials", { retry: true, notify: true });
    if (!target)
      return await fail(resolved && !resolved.ok ? resolved.problem : "no export target", { retry: true, notify: true });
    const sourceCtx = sourceContext(connection.connector, connection.credentials, log, deps.http, signal);
    const { hires } = connection.connector;
    const standing = await hires.standing(sourceCtx, candidateId);
    facts.candidateName = standing.name;
    if (standing.status !== "hired") {
      if (trigger !== "manual") return skipped(log, `${ats} does not show this candidate as hired`);
      const offersAccepted = offersGoToHris(connection.settings, connection.connector.manifest.id) && target.action.acceptsOffers;
      if (!offersAccepted || standing.status !== "offer") {
        const why = `only candidates in ${ats}'s Offer stage (with ${hris} offers turned on) or hired ones can be sent`;
        return await fail(`Not sent: ${why}.`, { retry: false, notify: false });
      }
    }
    facts.stage = standing.status === "hired" ? "hired" : "offer";
    await open();
    const read = await hires.read(sourceCtx, candidateId, standing);
    if (!read.ok) {
      const words = read.missing.join(", ");
      return await fail(`${ats} has no ${words} for this candidate, and ${hris} requires it. Add it in ${ats}; Roster retries.`, {
        retry: true,
        notify: true,
      });
    }
    const hire: Hire = target.action.input.parse(read.hire);
    facts.summary = { ...sentSummary(hire), ...read.summary };
    const imported = target.action.output.parse(await target.action.run(targetContext(target, log, deps.http, signal), hire));
    const transfer = await open();
    await recordSuccess(
      db,
      transfer.id,
      { ...facts, remoteId: imported.remoteId, hrisConnectorId: target.connector.manifest.id },
      { publicUrl: deps.publicUrl },
    );
    log.info({ transferId: transfer.id, attempts: transfer.attempts, remoteId: imported.remoteId }, `hire sent to ${hris}`);
    return { status: "sent", transferId: transfer.id, remoteId: imported.remoteId };
  } catch (error) {
    if (error instanceof ExportHireError) throw error;
    // A worker shutdown is not a failure of the export: the attempt stays pending and the job runs again.
    if (signal?.aborted) throw error;
    return await fail(describe(error), { retry: true, notify: true });
  }
}

function skipped(log: HireExportDeps["log"], reason: string): ExportOutcome {
  log.info({ reason }, "nothing to export");
  return { status: "skipped", reason };
}

async function recordAndFail(
  deps: HireExportDeps,
  connection: HireConnection,
  hrisName: string,
  attempt: OpenAttempt,
  facts: TransferFacts,
  reason: string,
  options: { retry: boolean; notify: boolean },
  payload: ExportHirePayload,
): Promise<ExportOutcome> {
  await deps.db.transaction().execute(async (trx) => {
    const first = await recordFailure(trx, attempt.id, {
      ...facts,
      error: reason,
      notify: options.notify,
      willRetry: options.retry,
    });
    if (first) {
      const candidateName = facts.candidateName ?? `${connection.connector.manifest.name} candidate ${payload.opportunityId}`;
      await notifyExportFailure(trx, {
        connection,
        transferId: attempt.id,
        candidateName,
        reason,
        publicUrl: deps.publicUrl,
        targetName: hrisName,
      });
    }
    await openExportIssue(trx, attempt.id, reason, { publicUrl: deps.publicUrl });
  });
  deps.log.warn({ ...payload, transferId: attempt.id, attempts: attempt.attempts, reason }, "hire export failed");
  if (options.retry) throw new ExportHireError(reason);
  return { status: "refused", transferId: attempt.id, reason };
}
