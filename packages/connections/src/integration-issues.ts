import { type IssueFix, issueProblems as problems } from "@roster/connection-policy";
import { z } from "zod";
import { auditConnection } from "./audit";
import { type Actor, type ConnectionDeps, ConnectionError } from "./deps";
import { findConnector } from "./verify-credentials";

export type { IssueFix };

export const snoozeIssueInput = z.object({
  issueId: z.uuid(),
  /** How long not to be reminded; the issue stays open and is still resolved automatically. */
  hours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30),
});

/**
 * The organisation's integration issues: open ones first (snoozed ones last among them), then
 * the recently resolved, each with the remedy in words and where it is fixed.
 */
export async function listIssues(deps: ConnectionDeps, organisationId: string, now: Date = new Date()) {
  const rows = await deps.db
    .selectFrom("integration_issues as i")
    .leftJoin("connections as c", "c.id", "i.connection_id")
    .leftJoin("webhook_endpoints as w", "w.id", "i.webhook_endpoint_id")
    .select([
      "i.id",
      "i.connection_id",
      "i.webhook_endpoint_id",
      "w.url as endpoint_url",
      "i.problem",
      "i.detail",
      "i.occurrences",
      "i.first_seen_at",
      "i.last_seen_at",
      "i.last_run_id",
      "i.resolved_at",
      "i.snoozed_until",
      "c.connector_id",
      "c.display_name",
    ])
    .where("i.organisation_id", "=", organisationId)
    .where((eb) => eb.or([eb("i.resolved_at", "is", null), eb("i.resolved_at", ">", new Date(now.getTime() - 7 * 86_400_000))]))
    .orderBy(
      ({ ref }) => ref("i.resolved_at"),
      (o) => o.desc().nullsFirst(),
    )
    .orderBy("i.last_seen_at", "desc")
    .limit(100)
    .execute();
  const issues = rows.map((r) => {
    // A webhook endpoint's issue has no connection: it is named by its endpoint.
    const provider = r.connector_id ? findConnector(deps, r.connector_id).manifest.name : "your endpoint";
    const problem = problems[r.problem];
    const snoozed = r.resolved_at === null && r.snoozed_until !== null && r.snoozed_until > now;
    return {
      id: r.id,
      connectionId: r.connection_id,
      connectorId: r.connector_id,
      webhookEndpointId: r.webhook_endpoint_id,
      connectionName: r.display_name ?? `Webhook endpoint ${r.endpoint_url ?? ""}`.trim(),
      problem: r.problem,
      title: problem.title,
      remedy: problem.remedy(provider),
      fix: problem.fix,
      detail: r.detail,
      occurrences: r.occurrences,
      firstSeenAt: r.first_seen_at,
      lastSeenAt: r.last_seen_at,
      lastRunId: r.last_run_id,
      resolvedAt: r.resolved_at,
      state: r.resolved_at ? ("resolved" as const) : snoozed ? ("snoozed" as const) : ("open" as const),
      snoozedUntil: snoozed ? r.snoozed_until : null,
    };
  });
  const order = { open: 0, snoozed: 1, resolved: 2 };
  return issues.sort((a, b) => order[a.state] - order[b.state]);
}

export type IntegrationIssueView = Awaited<ReturnType<typeof listIssues>>[number];

/** An owner asks not to be reminded of an open issue for a while; audited. */
export async function snoozeIssue(
  deps: ConnectionDeps,
  actor: Actor,
  input: z.infer<typeof snoozeIssueInput>,
  now: Date = new Date(),
): Promise<{ snoozedUntil: Date }> {
  const snoozedUntil = new Date(now.getTime() + input.hours * 3_600_000);
  return deps.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("integration_issues")
      .set({ snoozed_until: snoozedUntil, snoozed_by: actor.userId })
      .where("id", "=", input.issueId)
      .where("organisation_id", "=", actor.organisationId)
      .where("resolved_at", "is", null)
      .returning(["connection_id", "webhook_endpoint_id", "problem"])
      .executeTakeFirst();
    if (!updated) throw new ConnectionError("not_found", "No such open issue in this organisation");
    const details = { problem: updated.problem, hours: input.hours };
    if (updated.connection_id) await auditConnection(trx, actor, "connection.issue_snoozed", updated.connection_id, details);
    else
      await trx
        .insertInto("audit_log")
        .values({
          organisation_id: actor.organisationId,
          actor_user_id: actor.userId,
          action: "webhook_endpoint.issue_snoozed",
          target_type: "webhook_endpoint",
          target_id: updated.webhook_endpoint_id,
          details: JSON.stringify(details),
        })
        .execute();
    return { snoozedUntil };
  });
}
