import type { Database, IntegrationProblem, Kysely } from "@roster/db";
import { sql } from "@roster/db";
import {
  connectionUrl,
  dashboardUrl,
  type EmailKind,
  enqueueEmail,
  integrationSettingsUrl,
  issueOpened,
  issueResolved,
  syncRunUrl,
} from "@roster/email";
import { emitIssueChanged } from "@roster/webhooks";
import { type IssueFix, issueProblems } from "./issue-vocabulary";
import { connectionAlertRecipients } from "./recipients";

/** What announcing an issue change needs from the process: the dashboard's URL for the email's links. */
export interface IssueNotice {
  publicUrl: string;
}

/** An issue row as it is right after it opened or resolved. */
export interface ChangedIssue {
  id: string;
  organisation_id: string;
  /** Null for a webhook endpoint's issue, which names its endpoint instead. */
  connection_id: string | null;
  webhook_endpoint_id?: string | null;
  problem: IntegrationProblem;
  detail: string | null;
  first_seen_at: Date;
  last_run_id: string | null;
  resolved_at: Date | null;
}

const fixLabels: Record<IssueFix, string> = {
  rotate: "Replace the token",
  settings: "Review the settings",
  run: "See the failed sync",
  hires: "Open the hire exports",
  webhooks: "Open the webhook settings",
};

/** Where the email's button goes; a problem without its connection falls back to the issues list. */
function fixUrl(fix: IssueFix, issue: ChangedIssue, connectorId: string | null, publicUrl: string): string | null {
  const connectionId = issue.connection_id;
  switch (fix) {
    case "rotate":
      return connectorId ? integrationSettingsUrl(publicUrl, connectorId, "rotate") : null;
    case "settings":
      return connectorId ? integrationSettingsUrl(publicUrl, connectorId) : null;
    case "run":
      if (!connectionId) return null;
      return issue.last_run_id ? syncRunUrl(publicUrl, connectionId, issue.last_run_id) : connectionUrl(publicUrl, connectionId);
    case "hires":
      return connectionId ? dashboardUrl(publicUrl, "connections", connectionId, "hires") : null;
    case "webhooks":
      return dashboardUrl(publicUrl, "settings", "developers", "webhooks");
  }
}

/** What the issue is about, in the email's words, and who hears about it. */
async function subjectOf(trx: Kysely<Database>, issue: ChangedIssue) {
  if (issue.connection_id) {
    const connection = await trx
      .selectFrom("connections")
      .select(["organisation_id", "display_name", "connector_id", "notification_email"])
      .where("id", "=", issue.connection_id)
      .executeTakeFirst();
    if (!connection) return null;
    // Every connection's display name starts with its provider's name ("Zenefits — Acme").
    const provider = connection.display_name.split(" — ")[0] ?? connection.display_name;
    return { name: connection.display_name, provider, connectorId: connection.connector_id, alerted: connection };
  }
  const endpoint = issue.webhook_endpoint_id
    ? await trx.selectFrom("webhook_endpoints").select("url").where("id", "=", issue.webhook_endpoint_id).executeTakeFirst()
    : undefined;
  if (!endpoint) return null;
  return {
    name: `the webhook endpoint ${endpoint.url}`,
    provider: "your endpoint",
    connectorId: null,
    alerted: { organisation_id: issue.organisation_id, notification_email: null },
  };
}

/**
 * Tells everyone who follows the connection that an issue opened or resolved, in the transaction
 * of the change: an issue.opened / issue.resolved webhook event, and an email to the owners and
 * the connection's notification address (owners only for a webhook endpoint). The email is left
 * out when the same change already emailed about the connection (a failed sync's first email,
 * the "restored" email): one email per change is enough.
 */
export async function announceIssueChange(trx: Kysely<Database>, issue: ChangedIssue, notice: IssueNotice): Promise<void> {
  const problem = issueProblems[issue.problem];
  await emitIssueChanged(trx, {
    id: issue.id,
    organisationId: issue.organisation_id,
    connectionId: issue.connection_id,
    webhookEndpointId: issue.webhook_endpoint_id ?? null,
    problem: issue.problem,
    title: problem.title,
    detail: issue.detail,
    firstSeenAt: issue.first_seen_at,
    resolvedAt: issue.resolved_at,
  });

  const subject = await subjectOf(trx, issue);
  if (!subject) return;
  // now() is the transaction's start: rows with it were written by this same change.
  if (issue.connection_id) {
    const emailedByThisChange = await trx
      .selectFrom("email_outbox")
      .select("id")
      .where("connection_id", "=", issue.connection_id)
      .where(sql<boolean>`created_at = now()`)
      .executeTakeFirst();
    if (emailedByThisChange) return;
  }
  const recipients = await connectionAlertRecipients(trx, subject.alerted);
  if (recipients.length === 0) return;

  const issuesUrl = dashboardUrl(notice.publicUrl, "settings", "issues");
  const kind: EmailKind = issue.resolved_at ? "issue_resolved" : "issue_opened";
  const base = { about: subject.name, title: problem.title, issuesUrl };
  const url = fixUrl(problem.fix, issue, subject.connectorId, notice.publicUrl);
  const fix = url ? { label: fixLabels[problem.fix], url } : { label: "Open integration issues", url: issuesUrl };
  const content = issue.resolved_at
    ? issueResolved({ ...base, at: issue.resolved_at })
    : issueOpened({ ...base, at: issue.first_seen_at, detail: issue.detail, remedy: problem.remedy(subject.provider), fix });
  await enqueueEmail(trx, {
    organisationId: issue.organisation_id,
    connectionId: issue.connection_id,
    kind,
    to: recipients,
    ...content,
    dedupeKey: `${kind}:${issue.id}`,
  });
}
