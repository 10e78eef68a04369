import type { Database, Kysely } from "@roster/db";
import { sql } from "@roster/db";
import { announceIssueChange, type ChangedIssue, type IssueNotice } from "./issue-announcements";

/**
 * A delivery refused this many times in a row "keeps failing": one refusal is a blip the
 * retries absorb; by then the receiver's owner should hear of it.
 */
export const FAILING_AFTER_ATTEMPTS = 3;

/** What one batch of deliveries to an endpoint did. */
export interface EndpointDeliveryOutcome {
  delivered: number;
  failed: number;
}

/**
 * The "webhook endpoint failing" issue of one of the organisation's endpoints, from each batch
 * of deliveries: opened when a delivery has been refused FAILING_AFTER_ATTEMPTS times, resolved
 * by any delivery that gets through. Opening and resolving are announced in the same transaction.
 */
export async function recordEndpointDeliveries(
  db: Kysely<Database>,
  endpointId: string,
  outcome: EndpointDeliveryOutcome,
  notice: IssueNotice,
  at: Date = new Date(),
): Promise<void> {
  if (outcome.delivered === 0 && outcome.failed === 0) return;
  await db.transaction().execute(async (trx) => {
    if (outcome.delivered > 0) {
      const resolved = await trx
        .updateTable("integration_issues")
        .set({ resolved_at: at })
        .where("webhook_endpoint_id", "=", endpointId)
        .where("resolved_at", "is", null)
        .returning([
          "id",
          "organisation_id",
          "connection_id",
          "webhook_endpoint_id",
          "problem",
          "detail",
          "first_seen_at",
          "last_run_id",
          "resolved_at",
        ])
        .execute();
      for (const issue of resolved) await announceIssueChange(trx, issue, notice);
      return;
    }
    const failing = await trx
      .selectFrom("event_deliveries as d")
      .innerJoin("webhook_endpoints as w", "w.id", "d.endpoint_id")
      .select(["w.organisation_id", "d.last_error", "d.attempts"])
      .where("d.endpoint_id", "=", endpointId)
      .where("d.status", "in", ["pending", "failed"])
      .where("d.last_error", "is not", null)
      .where("d.attempts", ">=", FAILING_AFTER_ATTEMPTS)
      .orderBy("d.last_attempt_at", "desc")
      .limit(1)
      .executeTakeFirst();
    if (!failing) return;
    const { rows } = await sql<ChangedIssue & { opened: boolean }>`
      insert into integration_issues (organisation_id, webhook_endpoint_id, problem, detail, first_seen_at, last_seen_at)
      values (${failing.organisation_id}, ${endpointId}, 'webhook_failing', ${failing.last_error}, ${at}, ${at})
      on conflict (webhook_endpoint_id) where resolved_at is null and webhook_endpoint_id is not null do update
        set occurrences = integration_issues.occurrences + 1, last_seen_at = excluded.last_seen_at, detail = excluded.detail
      returning id, organisation_id, connection_id, webhook_endpoint_id, problem, detail, first_seen_at, last_run_id, resolved_at,
        (xmax = 0) as opened`.execute(trx);
    const issue = rows[0];
    if (issue?.opened) await announceIssueChange(trx, issue, notice);
  });
}
