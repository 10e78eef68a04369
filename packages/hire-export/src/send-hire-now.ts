import type { Db } from "@roster/db";
import { jobQueueInstalled } from "@roster/email";
import { alreadySentRefusal, lastSent } from "./already-sent";
import { loadHireConnection } from "./connection";
import { queueExportHire } from "./jobs";
import { offersGoToHris } from "./settings";
import { resolveExportTarget } from "./target";

export type SendNowResult =
  | { queued: true }
  /** `alreadySent`: refused because the candidate was sent before (the reason says when and as what). */
  | { queued: false; reason: string; alreadySent?: true };

/**
 * The "Send to <HRIS>" button (the HRIS runs offers): queues `export_hire` with trigger
 * "manual" for a candidate, typically in the ATS's Offer stage. The job checks the ATS again
 * and sends the candidate with stage "offer" (or "hired" if hired meanwhile). A candidate
 * already sent is refused, with when and as what (already-sent.ts); the job checks that again
 * under the candidate's lock, for presses that race.
 */
export async function sendHireNow(input: {
  db: Db;
  /** config.ENCRYPTION_KEY: the export target is read from the connection's credentials. */
  encryptionKey: string;
  connectionId: string;
  opportunityId: string;
}): Promise<SendNowResult> {
  const { db, connectionId, opportunityId } = input;
  const connection = await loadHireConnection(db, input.encryptionKey, connectionId);
  if (!connection) return { queued: false, reason: "No such connection supplying hires" };
  const { connector, settings } = connection;
  const resolved = connection.credentials ? await resolveExportTarget(db, input.encryptionKey, connection) : null;
  const hrisName = resolved?.ok ? resolved.target.connector.manifest.name : "the HRIS";
  const refusal = alreadySentRefusal(await lastSent(db, connectionId, opportunityId), "manual", hrisName);
  if (refusal) return { queued: false, reason: refusal, alreadySent: true };
  if (!settings.enabled) return { queued: false, reason: "Exports are turned off for this connection" };
  if (!offersGoToHris(settings, connector.manifest.id) || (resolved?.ok && !resolved.target.action.acceptsOffers)) {
    return {
      queued: false,
      reason: `Offers are handled in ${connector.manifest.name} for this connection: turn on ${hrisName} offers to send candidates early`,
    };
  }
  if (!(await jobQueueInstalled(db))) return { queued: false, reason: "The worker has not started yet; try again in a minute" };
  await queueExportHire(db, { connectionId, opportunityId, trigger: "manual" });
  return { queued: true };
}
