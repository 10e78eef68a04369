import { importCandidate } from "@roster/connector-zenefits/ats";
import { ConnectorError } from "@roster/core";
import type { Task } from "graphile-worker";
import { alreadySentRefusal, lastSent } from "../already-sent";
import { withCandidateLock } from "../candidate-lock";
import { type LeverConnection, loadLeverConnection } from "../connection";
import { leverContext, zenefitsContext } from "../contexts";
import type { HireExportDeps } from "../deps";
import { EXPORT_BUSY_RECHECK_SECONDS, type ExportHirePayload, exportHirePayloadSchema, queueExportHire } from "../jobs";
import { notifyExportFailure } from "../notify-failure";
import { buildHirePayload, type RequiredField, summarizePayload } from "../payload/build-hire-payload";
import { readHireData, readStanding } from "../payload/lever-data";
import { type OpenAttempt, openAttempt, recordFailure, recordSuccess, type TransferFacts } from "../transfers";

/** Thrown after a failure is recorded, so graphile-worker retries the job with backoff. */
export class ExportHireError extends Error {
  override name = "ExportHireError";
}

export type ExportOutcome =
  | { status: "sent"; transferId: string; zenefitsCandidateId: string }
  | { status: "skipped"; reason: string }
  | { status: "refused"; transferId: string; reason: string }
  /** Another export of the same candidate is running: nothing was read or recorded. */
  | { status: "busy" };

const FIELD_WORDS: Record<RequiredField, string> = {
  first_name: "first name",
  last_name: "last name (Lever keeps one name; the last word is the last name)",
  email: "email address",
};

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
 * Reads the candidate from Lever, builds the new hire and pushes it to Zenefits, recording the
 * chain of attempts in `hire_transfers`. On failure: recorded, the contact emailed once per
 * chain, then ExportHireError is thrown for graphile to retry. Lever is always re-read: a
 * webhook's body is not signed (reference §5), so only Lever's own answer decides. Holds the
 * candidate's export lock throughout; answers "busy" when another export of it holds the lock.
 */
export async function exportHire(deps: HireExportDeps, payload: ExportHirePayload, signal?: AbortSignal): Promise<ExportOutcome> {
  const held = await withCandidateLock(deps.db, payload, (lockedDb) => exportLocked({ ...deps, db: lockedDb }, payload, signal));
  return held.locked ? held.value : { status: "busy" };
}

async function exportLocked(deps: HireExportDeps, payload: ExportHirePayload, signal?: AbortSignal): Promise<ExportOutcome> {
  const { db } = deps;
  const { connectionId, opportunityId, trigger } = payload;
  const log = deps.log.child({ task: "export_hire", connectionId, opportunityId, trigger });
  const connection = await loadLeverConnection(db, deps.encryptionKey, connectionId);
  if (!connection) return skipped(log, "the Lever connection no longer exists");
  if (!connection.settings.enabled) return skipped(log, "exports are turned off for this connection");
  // Checked under the candidate's lock, so two exports can never both find "not sent yet".
  const refusal = alreadySentRefusal(await lastSent(db, connectionId, opportunityId), trigger);
  if (refusal) return skipped(log, refusal);

  const facts: TransferFacts = {};
  let attempt: OpenAttempt | null = null;
  const open = async () => {
    attempt ??= await openAttempt(db, { organisationId: connection.organisationId, connectionId, opportunityId, trigger });
    return attempt;
  };
  const fail = async (reason: string, options: { retry: boolean; notify: boolean }) =>
    recordAndFail(deps, connection, await open(), facts, reason, options, payload);

  try {
    if (!connection.credentials)
      return await fail(connection.credentialsProblem ?? "no credentials", { retry: true, notify: true });
    const leverCtx = leverContext(connection.credentials, log, deps.http, signal);
    const standing = await readStanding(leverCtx, opportunityId);
    facts.candidateName = standing.opportunity.name?.trim() || null;
    if (!standing.hired) {
      if (trigger !== "manual") return skipped(log, "Lever does not show this candidate as hired");
      if (connection.settings.offersMode !== "zenefits" || !standing.inOfferStage) {
        const why = "only candidates in Lever's Offer stage (with Zenefits offers turned on) or hired ones can be sent";
        return await fail(`Not sent: ${why}.`, { retry: false, notify: false });
      }
    }
    facts.stage = standing.hired ? "hired" : "offer";
    await open();
    const data = await readHireData(leverCtx, standing);
    const built = buildHirePayload(data);
    if (!built.ok) {
      const words = built.missing.map((field) => FIELD_WORDS[field]).join(", ");
      return await fail(`Lever has no ${words} for this candidate, and Zenefits requires it. Add it in Lever; Roster retries.`, {
        retry: true,
        notify: true,
      });
    }
    facts.summary = summarizePayload(built.payload, data);
    const result = await importCandidate(zenefitsContext(connection.credentials, log, deps.http, signal), built.payload);
    const transfer = await open();
    await recordSuccess(db, transfer.id, { ...facts, zenefitsCandidateId: result.id });
    log.info({ transferId: transfer.id, attempts: transfer.attempts, zenefitsCandidateId: result.id }, "hire sent to Zenefits");
    return { status: "sent", transferId: transfer.id, zenefitsCandidateId: result.id };
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
  connection: LeverConnection,
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
      const candidateName = facts.candidateName ?? `Lever candidate ${payload.opportunityId}`;
      await notifyExportFailure(trx, { connection, transferId: attempt.id, candidateName, reason, publicUrl: deps.publicUrl });
    }
  });
  deps.log.warn({ ...payload, transferId: attempt.id, attempts: attempt.attempts, reason }, "hire export failed");
  if (options.retry) throw new ExportHireError(reason);
  return { status: "refused", transferId: attempt.id, reason };
}
