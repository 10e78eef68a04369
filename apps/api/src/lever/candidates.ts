import { LEVER_CONNECTOR_ID } from "@roster/connections";
import { type Db, sql } from "@roster/db";
import { parseLeverSettings } from "./lever-settings";
import { lastSends, type TransferOutcome, transferOutcomes } from "./transfers";

export interface CandidateQuery {
  status: "all" | "active" | "offer" | "hired" | "archived";
  search: string;
  limit: number;
}

/**
 * The candidates synced from Lever (the `candidates` table), for every member. Each row says
 * whether "Send to Zenefits" is offered (Zenefits offers mode, exports on, candidate in the
 * Offer stage, not sent before). The latest transfer of each candidate, and its latest
 * successful send, are part of the secret story: returned only when `withTransfers` (the caller
 * passes canSeeHireTransfers); for everyone else the rows carry no `transfer` or `sentToZenefits`
 * key at all, and neither do they carry the candidate's email.
 */
export async function listCandidates(db: Db, organisationId: string, query: CandidateQuery, withTransfers: boolean) {
  const connection = await db
    .selectFrom("connections")
    .select(["id", "settings"])
    .where("organisation_id", "=", organisationId)
    .where("connector_id", "=", LEVER_CONNECTOR_ID)
    .orderBy("created_at")
    .executeTakeFirst();
  if (!connection) {
    return { connected: false, offersMode: null, exportsEnabled: false, counts: emptyCounts(), total: 0, candidates: [] };
  }
  const settings = parseLeverSettings(connection.settings);
  const offering = settings.enabled && settings.offersMode === "zenefits";

  let rows = db
    .selectFrom("candidates")
    .select([
      "id",
      "connection_id",
      "remote_id",
      "display_name",
      "email",
      "status",
      "stage_name",
      "job_title",
      "job_location",
      "hired_at",
      "archived_at",
      "updated_at",
    ])
    .where("organisation_id", "=", organisationId)
    .where("connection_id", "=", connection.id)
    .where("remote_deleted_at", "is", null);
  if (query.status !== "all") rows = rows.where("status", "=", query.status);
  if (query.search) {
    const like = `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    rows = rows.where((eb) => eb.or([eb("display_name", "ilike", like), eb("job_title", "ilike", like)]));
  }
  const [page, counts] = await Promise.all([
    rows.orderBy("display_name").orderBy("id").limit(query.limit).execute(),
    db
      .selectFrom("candidates")
      .select(["status", sql<number>`count(*)::int`.as("n")])
      .where("organisation_id", "=", organisationId)
      .where("connection_id", "=", connection.id)
      .where("remote_deleted_at", "is", null)
      .groupBy("status")
      .execute(),
  ]);
  const remoteIds = page.map((r) => r.remote_id);
  const [outcomes, sends] = await Promise.all([
    withTransfers ? transferOutcomes(db, connection.id, remoteIds) : new Map<string, TransferOutcome>(),
    lastSends(db, connection.id, remoteIds),
  ]);

  const byStatus = emptyCounts();
  for (const c of counts) byStatus[c.status as keyof typeof byStatus] = c.n;
  byStatus.all = counts.reduce((sum, c) => sum + c.n, 0);

  return {
    connected: true,
    offersMode: settings.offersMode,
    exportsEnabled: settings.enabled,
    counts: byStatus,
    total: query.status === "all" && !query.search ? byStatus.all : page.length,
    candidates: page.map((r) => ({
      id: r.id,
      opportunityId: r.remote_id,
      name: r.display_name,
      status: r.status,
      stage: r.stage_name,
      jobTitle: r.job_title,
      jobLocation: r.job_location,
      hiredAt: r.hired_at,
      archivedAt: r.archived_at,
      updatedAt: r.updated_at,
      // Never for a candidate already sent: the server would refuse it (hire-export already-sent.ts).
      sendToZenefitsOffered: offering && r.status === "offer" && !sends.has(r.remote_id),
      ...(withTransfers
        ? {
            email: r.email,
            transfer: outcomes.get(r.remote_id) ?? null,
            /** The latest successful send (as a hire or at the offer step), or null. */
            sentToZenefits: sends.get(r.remote_id) ?? null,
          }
        : {}),
    })),
  };
}

function emptyCounts() {
  return { all: 0, active: 0, offer: 0, hired: 0, archived: 0 };
}
