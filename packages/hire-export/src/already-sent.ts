import type { Database, Kysely } from "@roster/db";
import type { ExportTrigger } from "./jobs";

/** A candidate's successful send to the HRIS. */
export interface SentHire {
  transferId: string;
  stage: "hired" | "offer";
  succeededAt: Date;
}

/** The candidate's latest successful send (only sends as a hire, when `stage` says so), or null. */
export async function lastSent(
  db: Kysely<Database>,
  connectionId: string,
  opportunityId: string,
  stage?: "hired" | "offer",
): Promise<SentHire | null> {
  let query = db
    .selectFrom("hire_transfers")
    .select(["id", "stage", "succeeded_at", "created_at"])
    .where("connection_id", "=", connectionId)
    .where("opportunity_id", "=", opportunityId)
    .where("status", "=", "succeeded");
  if (stage) query = query.where("stage", "=", stage);
  const row = await query.orderBy("succeeded_at", "desc").executeTakeFirst();
  if (!row) return null;
  // A success always recorded its stage; a row without one is treated as the stricter case.
  return { transferId: row.id, stage: row.stage ?? "hired", succeededAt: row.succeeded_at ?? row.created_at };
}

const day = (at: Date) => at.toISOString().slice(0, 10);

/**
 * Why an export of a candidate already sent must not run, or null when it may. A hire is sent
 * once, whatever asks again (a second hire in the ATS, a redelivered webhook, the periodic check,
 * the button). A candidate sent at the offer step is not sent again by hand; their hire still
 * goes when the ATS shows them hired (webhook or periodic check), updating the same HRIS import.
 */
export function alreadySentRefusal(sent: SentHire | null, trigger: ExportTrigger, hrisName: string): string | null {
  if (!sent) return null;
  if (sent.stage === "hired") {
    return `Already sent to ${hrisName} as a hire on ${day(sent.succeededAt)}: a hire is sent once, so Roster does not send it again.`;
  }
  if (trigger === "manual") {
    return `Already sent to ${hrisName} at the offer step on ${day(sent.succeededAt)}: the hire is sent by itself once the ATS shows them hired.`;
  }
  return null;
}
