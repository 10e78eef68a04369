import { Link } from "wouter";
import { Card } from "../../components/card";
import { PageHeader } from "../../components/page-header";
import { RequireAccess } from "../../components/require-access";
import { EmptyState, ErrorState, Loading } from "../../components/states";
import { apiProblem, isCode } from "../../errors";
import { formatDateTime, formatDuration } from "../../format";
import { paths } from "../../paths";
import { trpc } from "../../trpc";
import { useTitle } from "../../use-title";
import { RunCollections } from "./run-collections";
import { RunErrorGroups } from "./run-error-groups";
import { PeopleChanged } from "./run-people-changed";
import { RunStatusBadge } from "./sync-history";
import { triggerLabel } from "./trigger-label";

/** /connections/:id/runs/:runId: what one run did, successful or not; the failure emails link here. */
export function RunPage({ connectionId, runId }: { connectionId: string; runId: string }) {
  useTitle("Sync run");
  return (
    <RequireAccess page="connection">
      <RunDetail connectionId={connectionId} runId={runId} />
    </RequireAccess>
  );
}

function RunDetail({ connectionId, runId }: { connectionId: string; runId: string }) {
  const run = trpc.connections.run.useQuery(
    { connectionId, runId },
    // A running sync still counts and may record errors: keep the page fresh until it ends.
    { refetchInterval: (q) => (q.state.data?.status === "running" ? 2_000 : false) },
  );
  const back = (
    <Link href={paths.connection(connectionId)} className="button button-secondary">
      Back to the connection
    </Link>
  );
  if (run.isPending) return <Loading label="Loading the sync run…" />;
  if (run.isError) {
    if (isCode(run.error, "NOT_FOUND") || isCode(run.error, "BAD_REQUEST")) {
      return (
        <EmptyState title="No such sync run" action={back}>
          <p>The link may be wrong, or the connection was deleted.</p>
        </EmptyState>
      );
    }
    return <ErrorState problem={apiProblem(run.error)} onRetry={() => void run.refetch()} />;
  }
  const data = run.data;
  return (
    <>
      <PageHeader
        title="Sync run"
        description={
          <>
            {triggerLabel(data.trigger)} · started {formatDateTime(data.startedAt)} ·{" "}
            <span data-testid="run-duration">
              {data.durationMs === null ? "still running" : `took ${formatDuration(data.durationMs)}`}
            </span>{" "}
            · <RunStatusBadge status={data.status} warnings={data.stale.filter((f) => f.lost).length} />
          </>
        }
        actions={back}
      />
      {data.errorMessage ? (
        <div className="notice notice-danger" role="status">
          <p className="notice-title">{data.status === "failed" ? "The sync failed" : "Problem"}</p>
          <p>{data.errorMessage}</p>
        </div>
      ) : null}
      <RunCollections collections={data.collections} />
      {data.stale.length > 0 ? (
        <Card title="Not kept current by this run">
          <ul className="stale-list" aria-label="Not kept current">
            {data.stale.map((field) => (
              <li key={`${field.stream}.${field.field}`}>
                <strong>{field.label}</strong> — needs the “{field.permissionLabel}” permission
                {field.lost ? `; not updated since ${formatDateTime(field.since)}` : "; never granted to this token"}
              </li>
            ))}
          </ul>
          <p className="muted small">
            Roster kept what it had stored for these. Grant the permissions to the token, then{" "}
            <Link href={paths.integration(data.connectorId)}>check them in Settings</Link>.
          </p>
        </Card>
      ) : null}
      <RunErrorGroups groups={data.errorGroups} connectorId={data.connectorId} />
      <PeopleChanged changed={data.peopleChanged} />
    </>
  );
}
