import type { Database, IntegrationProblem, Kysely, Transaction } from "@roster/db";
import { sql } from "@roster/db";
import type { ConnectionRow } from "./connection-row";
import type { SyncOutcome } from "./deps";
import { announceIssueChange, type ChangedIssue, type IssueNotice } from "./issue-announcements";

// A failed sync's error kind, as the problem it is for the owner; other kinds (a crash, a
// mapping bug) are not something the owner can fix, so they open no issue.
const problemOfErrorKind: Record<string, IntegrationProblem> = {
  invalid_credentials: "token_rejected",
  forbidden: "permission_lost",
  unreachable: "provider_unreachable",
  provider_error: "provider_unreachable",
  rate_limited: "provider_unreachable",
};

// What a successful sync proves fixed: the token works and the provider answers.
const resolvedBySuccess: IntegrationProblem[] = ["token_rejected", "provider_unreachable"];

/**
 * Opens the problem on the connection, or, when it is open already, counts it again and updates
 * when it was last seen. A newly opened issue is announced (issue-announcements.ts).
 */
export async function openIssue(
  trx: Kysely<Database>,
  connection: Pick<ConnectionRow, "id" | "organisation_id">,
  problem: IntegrationProblem,
  at: Date,
  context: { detail: string | null; runId: string | null; notice: IssueNotice },
): Promise<void> {
  const { rows } = await sql<ChangedIssue & { opened: boolean }>`
    insert into integration_issues (organisation_id, connection_id, problem, detail, first_seen_at, last_seen_at, last_run_id)
    values (${connection.organisation_id}, ${connection.id}, ${problem}, ${context.detail}, ${at}, ${at}, ${context.runId})
    on conflict (connection_id, problem) where resolved_at is null do update
      set occurrences = integration_issues.occurrences + 1, last_seen_at = excluded.last_seen_at,
        detail = excluded.detail, last_run_id = coalesce(excluded.last_run_id, integration_issues.last_run_id)
    returning id, organisation_id, connection_id, problem, detail, first_seen_at, last_run_id, resolved_at, (xmax = 0) as opened`.execute(
    trx,
  );
  const issue = rows[0];
  if (issue?.opened) await announceIssueChange(trx, issue, context.notice);
}

/** Resolves the open issues of these problems on the connection (none open: nothing happens), and announces each. */
export async function resolveIssues(
  trx: Kysely<Database>,
  connectionId: string,
  problems: readonly IntegrationProblem[],
  at: Date,
  notice: IssueNotice,
): Promise<number> {
  if (problems.length === 0) return 0;
  const resolved = await trx
    .updateTable("integration_issues")
    .set({ resolved_at: at })
    .where("connection_id", "=", connectionId)
    .where("problem", "in", problems)
    .where("resolved_at", "is", null)
    .returning(["id", "organisation_id", "connection_id", "problem", "detail", "first_seen_at", "last_run_id", "resolved_at"])
    .execute();
  for (const issue of resolved) await announceIssueChange(trx, issue, notice);
  return resolved.length;
}

/**
 * The issues one sync outcome opens and resolves, in the transaction that records it: a failure
 * opens the problem its error kind names; a success resolves a rejected token and an unreachable
 * provider; either way, the fields the token lost (connection_stale_fields) keep a "permission
 * lost" issue open until the token reads them again.
 */
export async function recordIssuesOfOutcome(
  trx: Transaction<Database>,
  connection: ConnectionRow,
  outcome: SyncOutcome,
  at: Date,
  notice: IssueNotice,
): Promise<void> {
  if (outcome.status === "failed") {
    const problem = problemOfErrorKind[outcome.errorKind ?? ""];
    if (problem)
      await openIssue(trx, connection, problem, at, { detail: outcome.errorMessage ?? null, runId: outcome.runId, notice });
    return;
  }
  await resolveIssues(trx, connection.id, resolvedBySuccess, at, notice);
  const lost = await trx
    .selectFrom("connection_stale_fields")
    .select(["stream", "field"])
    .where("connection_id", "=", connection.id)
    .where("lost", "=", true)
    .execute();
  if (lost.length > 0) {
    const detail = `${lost.length} ${lost.length === 1 ? "field is" : "fields are"} no longer kept current`;
    await openIssue(trx, connection, "permission_lost", at, { detail, runId: outcome.runId, notice });
  } else {
    await resolveIssues(trx, connection.id, ["permission_lost"], at, notice);
  }
}
