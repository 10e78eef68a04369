import type { Db } from "@roster/db";
import { jobQueueInstalled } from "@roster/email";
import { alreadySentRefusal, lastSent } from "./already-sent";
import { LEVER_CONNECTOR_ID, parseSettings } from "./connection";
import { queueExportHire } from "./jobs";

export type SendNowResult =
  | { queued: true }
  /** `alreadySent`: refused because the candidate was sent before (the reason says when and as what). */
  | { queued: false; reason: string; alreadySent?: true };

/**
 * The "Send to Zenefits" button (Zenefits offers mode): queues `export_hire` with trigger
 * "manual" for a candidate, typically in Lever's Offer stage. The job checks Lever again and
 * sends the candidate with stage "offer" (or "hired" if hired meanwhile). A candidate already
 * sent is refused, with when and as what (already-sent.ts); the job checks that again under
 * the candidate's lock, for presses that race.
 */
export async function sendToZenefitsNow(input: { db: Db; connectionId: string; opportunityId: string }): Promise<SendNowResult> {
  const { db, connectionId, opportunityId } = input;
  const row = await db
    .selectFrom("connections")
    .select(["settings"])
    .where("id", "=", connectionId)
    .where("connector_id", "=", LEVER_CONNECTOR_ID)
    .executeTakeFirst();
  if (!row) return { queued: false, reason: "No such Lever connection" };
  const refusal = alreadySentRefusal(await lastSent(db, connectionId, opportunityId), "manual");
  if (refusal) return { queued: false, reason: refusal, alreadySent: true };
  const settings = parseSettings(row.settings);
  if (!settings.enabled) return { queued: false, reason: "Exports are turned off for this connection" };
  if (settings.offersMode !== "zenefits") {
    return {
      queued: false,
      reason: "Offers are handled in Lever for this connection: turn on Zenefits offers to send candidates early",
    };
  }
  if (!(await jobQueueInstalled(db))) return { queued: false, reason: "The worker has not started yet; try again in a minute" };
  await queueExportHire(db, { connectionId, opportunityId, trigger: "manual" });
  return { queued: true };
}
