import { type IssueNotice, openIssue, resolveIssues } from "@roster/connection-policy";
import { type Database, type Kysely, sql } from "@roster/db";
import { emitHireOutcome } from "@roster/webhooks";
import type { ExportTrigger } from "./jobs";

export interface OpenAttempt {
  id: string;
  attempts: number;
  failureNotified: boolean;
}

/**
 * Starts an attempt: continues the candidate's unfinished chain (a failed or interrupted one)
 * or opens a new one. The partial unique index allows one unfinished chain per candidate, so
 * retries never add rows and a new row starts only after a success (a later re-send).
 */
export async function openAttempt(
  db: Kysely<Database>,
  input: { organisationId: string; connectionId: string; opportunityId: string; trigger: ExportTrigger },
): Promise<OpenAttempt> {
  const { rows } = await sql<{ id: string; attempts: number; failure_notified: boolean }>`
    insert into hire_transfers (organisation_id, connection_id, opportunity_id, trigger, status, attempts, last_attempt_at)
    values (${input.organisationId}, ${input.connectionId}, ${input.opportunityId}, ${input.trigger}, 'pending', 1, now())
    on conflict (connection_id, opportunity_id) where status <> 'succeeded'
    do update set attempts = hire_transfers.attempts + 1, status = 'pending', last_attempt_at = now()
    returning id, attempts, failure_notified`.execute(db);
  const row = rows[0];
  if (!row) throw new Error("opening a hire transfer attempt returned no row");
  return { id: row.id, attempts: row.attempts, failureNotified: row.failure_notified };
}

export interface TransferFacts {
  candidateName?: string | null;
  stage?: "hired" | "offer" | null;
  summary?: Record<string, unknown> | null;
}

const factsSet = (facts: TransferFacts) => ({
  ...(facts.candidateName !== undefined ? { candidate_name: facts.candidateName } : {}),
  ...(facts.stage !== undefined ? { stage: facts.stage } : {}),
  ...(facts.summary !== undefined ? { summary: JSON.stringify(facts.summary) } : {}),
});

export async function recordSuccess(
  db: Kysely<Database>,
  transferId: string,
  facts: TransferFacts & { remoteId: string; hrisConnectorId: string },
  notice: IssueNotice,
): Promise<void> {
  // The transfer's success and its hire.exported event commit together.
  const write = async (trx: Kysely<Database>) => {
    await trx
      .updateTable("hire_transfers")
      .set({
        ...factsSet(facts),
        status: "succeeded",
        error: null,
        hris_record_id: facts.remoteId,
        hris_connector_id: facts.hrisConnectorId,
        succeeded_at: new Date(),
      })
      .where("id", "=", transferId)
      .execute();
    await emitHireOutcome(trx, transferId, { status: "exported" });
    await resolveExportIssueWhenClear(trx, transferId, notice);
  };
  await (db.isTransaction ? write(db) : db.transaction().execute(write));
}

/**
 * Marks the attempt failed. With `notify`, returns true the first time in the chain (the
 * caller emails the contact then); the row is locked meanwhile, so two racing attempts cannot
 * both win. Call inside a transaction.
 */
export async function recordFailure(
  db: Kysely<Database>,
  transferId: string,
  facts: TransferFacts & { error: string; notify: boolean; willRetry?: boolean },
): Promise<boolean> {
  const before = await db
    .selectFrom("hire_transfers")
    .select("failure_notified")
    .where("id", "=", transferId)
    .forUpdate()
    .executeTakeFirst();
  await db
    .updateTable("hire_transfers")
    .set({
      ...factsSet(facts),
      status: "failed",
      error: facts.error.slice(0, 2000),
      ...(facts.notify ? { failure_notified: true } : {}),
    })
    .where("id", "=", transferId)
    .execute();
  await emitHireOutcome(db, transferId, { status: "failed", error: facts.error, willRetry: facts.willRetry ?? false });
  return facts.notify && before?.failure_notified === false;
}

/**
 * Opens (or counts again) the connection's "export failed" issue. Called after the failure's own
 * email is queued, so a new issue is not emailed twice for the same failure.
 */
export async function openExportIssue(
  db: Kysely<Database>,
  transferId: string,
  error: string,
  notice: IssueNotice,
): Promise<void> {
  const transfer = await db
    .selectFrom("hire_transfers")
    .select(["connection_id", "organisation_id"])
    .where("id", "=", transferId)
    .executeTakeFirstOrThrow();
  await openIssue(db, { id: transfer.connection_id, organisation_id: transfer.organisation_id }, "export_failed", new Date(), {
    detail: error.slice(0, 500),
    runId: null,
    notice,
  });
}

/** The "export failed" issue ends once no hire of the connection is left failed. */
async function resolveExportIssueWhenClear(db: Kysely<Database>, transferId: string, notice: IssueNotice): Promise<void> {
  const transfer = await db.selectFrom("hire_transfers").select("connection_id").where("id", "=", transferId).executeTakeFirst();
  if (!transfer) return;
  const stillFailed = await db
    .selectFrom("hire_transfers")
    .select("id")
    .where("connection_id", "=", transfer.connection_id)
    .where("status", "=", "failed")
    .executeTakeFirst();
  if (!stillFailed) await resolveIssues(db, transfer.connection_id, ["export_failed"], new Date(), notice);
}
