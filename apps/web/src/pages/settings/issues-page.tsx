import { useState } from "react";
import { Link } from "wouter";
import { canSee } from "../../access";
import { Card } from "../../components/card";
import { FormAlert } from "../../components/form-alert";
import { PageHeader } from "../../components/page-header";
import { RelativeTime } from "../../components/relative-time";
import { RequireAccess } from "../../components/require-access";
import { EmptyState, ErrorState, Loading } from "../../components/states";
import { StatusBadge, type Tone } from "../../components/status-badge";
import { apiProblem } from "../../errors";
import { formatCount } from "../../format";
import { paths } from "../../paths";
import { useSession } from "../../session/session";
import { type RouterOutputs, trpc } from "../../trpc";
import { useTitle } from "../../use-title";

type Issue = RouterOutputs["connections"]["issues"][number];

const stateBadge: Record<Issue["state"], { tone: Tone; words: string }> = {
  open: { tone: "danger", words: "Open" },
  snoozed: { tone: "neutral", words: "Snoozed" },
  resolved: { tone: "success", words: "Resolved" },
};

/** The place that fixes each kind of issue, and what the link says. */
function fixLink(issue: Issue): { href: string; label: string } {
  const { connectionId, connectorId } = issue;
  // Only a webhook endpoint's issue has no connection, and its fix is "webhooks".
  if (!connectionId || !connectorId) return { href: paths.webhooks, label: "Open the webhook settings" };
  switch (issue.fix) {
    case "rotate":
      return { href: `${paths.integration(connectorId)}#rotate`, label: "Open the rotate form" };
    case "settings":
      return { href: paths.integration(connectorId), label: "Open the settings" };
    case "hires":
      return { href: paths.hires(connectionId), label: "Open the hire exports" };
    case "webhooks":
      return { href: paths.webhooks, label: "Open the webhook settings" };
    case "run":
      return issue.lastRunId
        ? { href: paths.run(connectionId, issue.lastRunId), label: "See the failed sync" }
        : { href: paths.connection(connectionId), label: "Open the connection" };
  }
}

/** Settings → Integrations → Issues: one entry per problem per connection, opened and resolved by Roster. */
export function IssuesPage() {
  useTitle("Integration issues");
  return (
    <RequireAccess page="atsSettings">
      <PageHeader
        title="Integration issues"
        description="Problems Roster found with your connections and webhook endpoints. Each closes on its own once the next sync, export or delivery works."
      />
      <IssuesList />
    </RequireAccess>
  );
}

function IssuesList() {
  const issues = trpc.connections.issues.useQuery(undefined, { refetchInterval: 15_000 });
  if (issues.isPending) return <Loading label="Loading the issues…" />;
  if (issues.isError) return <ErrorState problem={apiProblem(issues.error)} onRetry={() => void issues.refetch()} />;
  if (issues.data.length === 0) {
    return (
      <Card>
        <EmptyState title="No issues">
          <p>Every connection synced without a problem Roster could name.</p>
        </EmptyState>
      </Card>
    );
  }
  return (
    <Card>
      <ul className="issue-list" aria-label="Issues">
        {issues.data.map((issue) => (
          <IssueItem key={issue.id} issue={issue} onChanged={() => void issues.refetch()} />
        ))}
      </ul>
    </Card>
  );
}

function IssueItem({ issue, onChanged }: { issue: Issue; onChanged: () => void }) {
  const { active } = useSession();
  const [problem, setProblem] = useState<string | null>(null);
  const snooze = trpc.connections.snoozeIssue.useMutation({
    onSuccess: () => {
      setProblem(null);
      onChanged();
    },
    onError: (error) => setProblem(apiProblem(error).message),
  });
  const badge = stateBadge[issue.state];
  const fix = fixLink(issue);
  return (
    <li className="issue-item" data-testid="issue" aria-label={`${issue.title} on ${issue.connectionName}`}>
      <div className="title-with-badge">
        <strong>{issue.title}</strong> <StatusBadge tone={badge.tone}>{badge.words}</StatusBadge>{" "}
        <Link href={issue.connectionId ? paths.connection(issue.connectionId) : paths.webhooks}>{issue.connectionName}</Link>
      </div>
      <p className="muted small">
        First seen <RelativeTime value={issue.firstSeenAt} /> · last seen <RelativeTime value={issue.lastSeenAt} />
        {issue.occurrences > 1 ? ` · ${formatCount(issue.occurrences)} times` : ""}
        {issue.resolvedAt ? (
          <>
            {" · resolved "}
            <RelativeTime value={issue.resolvedAt} />
          </>
        ) : null}
        {issue.snoozedUntil ? (
          <>
            {" · snoozed until "}
            <RelativeTime value={issue.snoozedUntil} />
          </>
        ) : null}
      </p>
      {issue.state !== "resolved" ? (
        <>
          <p>
            <strong>What to do:</strong> {issue.remedy} <Link href={fix.href}>{fix.label}</Link>
          </p>
          {issue.detail ? <p className="muted small">{issue.detail}</p> : null}
          <FormAlert message={problem} />
          {issue.state === "open" && canSee("hrisSettings", active) ? (
            <button
              type="button"
              className="button button-secondary"
              disabled={snooze.isPending}
              onClick={() => snooze.mutate({ issueId: issue.id, hours: 24 })}
            >
              Snooze for a day
            </button>
          ) : null}
        </>
      ) : null}
    </li>
  );
}
