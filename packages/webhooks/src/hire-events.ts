import type { Database, Kysely } from "@roster/db";
import { emitEvent } from "./emit-event";

/**
 * hire.exported / hire.failed, from the hire export in the transaction that records the
 * attempt. Ids and outcome only: the candidate's name and details stay behind sensitive:read
 * (GET /api/v1/hire-transfers/{id}).
 */
export async function emitHireOutcome(
  trx: Kysely<Database>,
  transferId: string,
  outcome: { status: "exported" } | { status: "failed"; error: string; willRetry: boolean },
): Promise<void> {
  const transfer = await trx
    .selectFrom("hire_transfers")
    .select(["organisation_id", "connection_id", "opportunity_id", "stage", "attempts", "hris_record_id"])
    .where("id", "=", transferId)
    .executeTakeFirst();
  if (!transfer) return;
  await emitEvent(trx, {
    organisationId: transfer.organisation_id,
    connectionId: transfer.connection_id,
    type: outcome.status === "exported" ? "hire.exported" : "hire.failed",
    orderingKey: `hire:${transfer.connection_id}:${transfer.opportunity_id}`,
    data: {
      hire_transfer_id: transferId,
      connection_id: transfer.connection_id,
      opportunity_id: transfer.opportunity_id,
      stage: transfer.stage,
      attempts: transfer.attempts,
      ...(outcome.status === "exported"
        ? { hris_candidate_id: transfer.hris_record_id }
        : { error: outcome.error.slice(0, 500), will_retry: outcome.willRetry }),
    },
  });
}
