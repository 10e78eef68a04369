import { Link } from "wouter";
import { Card } from "../../components/card";
import { ErrorState, Loading } from "../../components/states";
import { apiProblem } from "../../errors";
import { paths } from "../../paths";
import { ConnectionStatusBadge, FailureNotice, SyncTimes } from "../connections/connection-status";
import { useLiveConnection } from "../connections/use-live-connection";

/** One connection at a glance: status, last sync or the failure with "View errors", live while it syncs. */
export function ConnectionSummary({ connectionId }: { connectionId: string }) {
  const connection = useLiveConnection(connectionId);
  if (connection.isPending) {
    return (
      <Card title="Integration">
        <Loading label="Loading the connection…" />
      </Card>
    );
  }
  if (connection.isError) {
    return (
      <Card title="Integration">
        <ErrorState problem={apiProblem(connection.error)} onRetry={() => void connection.refetch()} />
      </Card>
    );
  }
  const view = connection.data;
  const run = view.currentRun;
  const done = run ? view.streams.filter((s) => run.counts[s]?.done).length : 0;
  return (
    <Card
      title={
        <span className="title-with-badge">
          {view.displayName} <ConnectionStatusBadge view={view} />
        </span>
      }
      footer={<Link href={paths.connection(view.id)}>Sync history and emails</Link>}
    >
      <div className="stack" data-testid="connection-summary">
        <SyncTimes view={view} />
        {run ? (
          <p className="muted">
            Syncing now: {done} of {view.streams.length} collections done.
          </p>
        ) : null}
        <FailureNotice view={view} />
      </div>
    </Card>
  );
}
