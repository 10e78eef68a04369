import { type Db, sql } from "@roster/db";
import { exportJobKey } from "@roster/hire-export";
import { findConnector } from "@roster/registry";

/** The latest transfer of a candidate, as a candidates row shows it (secret story: sensitive callers only). */
export interface TransferOutcome {
  transferId: string;
  status: "pending" | "succeeded" | "failed";
  stage: "hired" | "offer" | null;
  at: Date | null;
  error: string | null;
}

/** The latest transfer chain of each of these Lever opportunities of one connection. */
export async function transferOutcomes(
  db: Db,
  connectionId: string,
  opportunityIds: string[],
): Promise<Map<string, TransferOutcome>> {
  if (opportunityIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("hire_transfers")
    .distinctOn("opportunity_id")
    .select(["id", "opportunity_id", "status", "stage", "error", "last_attempt_at", "succeeded_at", "created_at"])
    .where("connection_id", "=", connectionId)
    .where("opportunity_id", "in", opportunityIds)
    .orderBy("opportunity_id")
    .orderBy("created_at", "desc")
    .execute();
  return new Map(
    rows.map((r) => [
      r.opportunity_id,
      {
        transferId: r.id,
        status: r.status,
        stage: r.stage,
        at: r.succeeded_at ?? r.last_attempt_at ?? r.created_at,
        error: r.error,
      },
    ]),
  );
}

/** A candidate's latest successful send to Zenefits, as its candidates row shows it. */
export interface SentToZenefits {
  stage: "hired" | "offer";
  at: Date;
}

/**
 * The latest successful send of each of these Lever opportunities of one connection. A candidate
 * with one is not offered "Send to Zenefits" again (hire-export's already-sent rule refuses it).
 */
export async function lastSends(db: Db, connectionId: string, opportunityIds: string[]): Promise<Map<string, SentToZenefits>> {
  if (opportunityIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("hire_transfers")
    .distinctOn("opportunity_id")
    .select(["opportunity_id", "stage", "succeeded_at", "created_at"])
    .where("connection_id", "=", connectionId)
    .where("opportunity_id", "in", opportunityIds)
    .where("status", "=", "succeeded")
    .orderBy("opportunity_id")
    .orderBy("succeeded_at", "desc")
    .execute();
  return new Map(rows.map((r) => [r.opportunity_id, { stage: r.stage ?? "hired", at: r.succeeded_at ?? r.created_at }]));
}

/** Whether graphile-worker's schema exists (the worker has started once). */
export async function jobQueueReady(db: Db): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean }>`select to_regclass('graphile_worker.jobs') is not null as ok`.execute(db);
  return rows[0]?.ok === true;
}

export interface TransferFilter {
  candidateId?: string | undefined;
  status: "all" | "failed" | "succeeded" | "pending";
  limit: number;
}

/**
 * The secret story (owners, admins and sensitive members only: the caller checks): every
 * transfer chain of the organisation's Lever connection, newest first, with what was sent
 * (the payload summary, no file bytes), when, the outcome and the error, plus the automatic
 * retry still queued for an unfinished one. Null when the candidate is not in this organisation.
 */
export async function listTransfers(db: Db, organisationId: string, filter: TransferFilter) {
  let candidate: { connection_id: string; remote_id: string } | undefined;
  if (filter.candidateId) {
    candidate = await db
      .selectFrom("candidates")
      .select(["connection_id", "remote_id"])
      .where("id", "=", filter.candidateId)
      .where("organisation_id", "=", organisationId)
      .executeTakeFirst();
    if (!candidate) return null;
  }
  let query = db
    .selectFrom("hire_transfers as t")
    .leftJoin("candidates as c", (join) =>
      join.onRef("c.connection_id", "=", "t.connection_id").onRef("c.remote_id", "=", "t.opportunity_id"),
    )
    .select([
      "t.id",
      "t.connection_id",
      "t.opportunity_id",
      "t.candidate_name",
      "t.stage",
      "t.trigger",
      "t.status",
      "t.attempts",
      "t.summary",
      "t.error",
      "t.hris_record_id",
      "t.hris_connector_id",
      "t.failure_notified",
      "t.created_at",
      "t.last_attempt_at",
      "t.succeeded_at",
      "c.id as candidate_id",
      "c.display_name as candidate_display_name",
    ])
    .where("t.organisation_id", "=", organisationId);
  if (candidate) {
    query = query.where("t.connection_id", "=", candidate.connection_id).where("t.opportunity_id", "=", candidate.remote_id);
  }
  if (filter.status !== "all") query = query.where("t.status", "=", filter.status);
  const rows = await query.orderBy("t.created_at", "desc").orderBy("t.id").limit(filter.limit).execute();

  const retries = new Map<string, { runAt: Date; attempts: number; maxAttempts: number; running: boolean }>();
  const open = rows.filter((r) => r.status !== "succeeded");
  if (open.length && (await jobQueueReady(db))) {
    const keys = open.map((r) => exportJobKey(r.connection_id, r.opportunity_id));
    const { rows: jobs } = await sql<{
      key: string;
      run_at: Date;
      attempts: number;
      max_attempts: number;
      locked_at: Date | null;
    }>`select key, run_at, attempts, max_attempts, locked_at from graphile_worker.jobs
       where key = any(${keys}::text[]) and (attempts < max_attempts or locked_at is not null)`.execute(db);
    for (const job of jobs) {
      retries.set(job.key, {
        runAt: job.run_at,
        attempts: job.attempts,
        maxAttempts: job.max_attempts,
        running: job.locked_at !== null,
      });
    }
  }

  return rows.map((r) => ({
    id: r.id,
    connectionId: r.connection_id,
    opportunityId: r.opportunity_id,
    candidateId: r.candidate_id,
    candidateName: r.candidate_name ?? r.candidate_display_name ?? `Lever candidate ${r.opportunity_id}`,
    stage: r.stage,
    trigger: r.trigger,
    status: r.status,
    attempts: r.attempts,
    /** What was sent to Zenefits (no file bytes), as recorded by the export. */
    sent: r.summary,
    error: r.error,
    hrisRecord: r.hris_record_id ? { id: r.hris_record_id, hrisName: hrisNameOf(r.hris_connector_id) } : null,
    contactEmailed: r.failure_notified,
    createdAt: r.created_at,
    lastAttemptAt: r.last_attempt_at,
    succeededAt: r.succeeded_at,
    /** The automatic retry still queued (graphile-worker's backoff), or null. */
    nextRetry: r.status === "succeeded" ? null : (retries.get(exportJobKey(r.connection_id, r.opportunity_id)) ?? null),
  }));
}

/** The HRIS's name, from its connector; transfers older than that record name no HRIS. */
function hrisNameOf(connectorId: string | null): string {
  return (connectorId ? findConnector(connectorId)?.manifest.name : undefined) ?? "HRIS";
}
