import type { Database, IntegrationProblem, Kysely } from "@roster/db";
import { emitEvent } from "./emit-event";

export interface IssueChange {
  id: string;
  organisationId: string;
  /** Null for a webhook endpoint's issue (webhookEndpointId names it). */
  connectionId: string | null;
  webhookEndpointId: string | null;
  problem: IntegrationProblem;
  title: string;
  detail: string | null;
  firstSeenAt: Date;
  resolvedAt: Date | null;
}

/** issue.opened / issue.resolved, in the transaction that opens or resolves the issue. */
export async function emitIssueChanged(trx: Kysely<Database>, issue: IssueChange): Promise<void> {
  await emitEvent(trx, {
    organisationId: issue.organisationId,
    connectionId: issue.connectionId,
    type: issue.resolvedAt ? "issue.resolved" : "issue.opened",
    data: {
      issue_id: issue.id,
      connection_id: issue.connectionId,
      webhook_endpoint_id: issue.webhookEndpointId,
      problem: issue.problem,
      title: issue.title,
      detail: issue.detail,
      first_seen_at: issue.firstSeenAt,
      resolved_at: issue.resolvedAt,
    },
  });
}
