import { useState } from "react";
import { Link } from "wouter";
import { Card } from "../../components/card";
import { FormAlert } from "../../components/form-alert";
import { PageHeader } from "../../components/page-header";
import { RequireAccess } from "../../components/require-access";
import { EmptyState, ErrorState, Loading } from "../../components/states";
import { apiProblem, isCode } from "../../errors";
import { paths } from "../../paths";
import { useSession } from "../../session/session";
import { useTitle } from "../../use-title";
import { HeadCountChart } from "../charts/head-count-chart";
import { SyncActivityChart } from "../charts/sync-activity-chart";
import { ConnectionEmails } from "./connection-emails";
import { ConnectionStatusBadge, FailureNotice, SyncTimes } from "./connection-status";
import { HireExports } from "./hire-exports";
import { StaleFieldsNotice } from "./stale-fields";
import { SyncHistory } from "./sync-history";
import { SyncNowButton } from "./sync-now-button";
import { SyncProgress } from "./sync-progress";
import { isSyncing, useLiveConnection } from "./use-live-connection";

/**
 * /connections/:id (owners and admins): health, live progress, history and emails of one
 * connection; for Lever, also its hire exports (/connections/:id/hires scrolls to them).
 */
export function ConnectionPage({ connectionId, section }: { connectionId: string; section?: "hires" }) {
  useTitle("Connection");
  return (
    <RequireAccess page="connection">
      <ConnectionDetail connectionId={connectionId} section={section} />
    </RequireAccess>
  );
}

export function ConnectionNotFound() {
  return (
    <EmptyState
      title="No such connection"
      action={
        <Link href={paths.dashboard} className="button button-secondary">
          Back to the dashboard
        </Link>
      }
    >
      <p>It may have been deleted, or it belongs to another organisation.</p>
    </EmptyState>
  );
}

function ConnectionDetail({ connectionId, section }: { connectionId: string; section?: "hires" | undefined }) {
  const { active } = useSession();
  const connection = useLiveConnection(connectionId);
  const [problem, setProblem] = useState<string | null>(null);
  useTitle(connection.data?.displayName ?? "Connection");

  if (connection.isPending) return <Loading label="Loading the connection…" />;
  if (connection.isError) {
    if (isCode(connection.error, "NOT_FOUND")) return <ConnectionNotFound />;
    return <ErrorState problem={apiProblem(connection.error)} onRetry={() => void connection.refetch()} />;
  }
  const view = connection.data;
  const isOwner = active?.role === "owner";
  const settingsHref = paths.integration(view.connectorId);
  return (
    <>
      <PageHeader
        title={view.displayName}
        description={`${view.connectorName} · ${view.account?.name ?? "unknown company"} · token ${view.credentialsHint ?? "hidden"}`}
        actions={
          isOwner ? (
            <>
              <SyncNowButton view={view} onQueued={connection.expectSync} onProblem={setProblem} />
              <Link href={settingsHref} className="button button-ghost">
                Settings
              </Link>
            </>
          ) : null
        }
      />
      <Card
        title={
          <span className="title-with-badge">
            Status <ConnectionStatusBadge view={view} />
          </span>
        }
      >
        <div className="stack">
          <FormAlert message={problem} />
          <SyncTimes view={view} />
          <FailureNotice view={view} />
          <StaleFieldsNotice view={view} settingsHref={isOwner ? settingsHref : null} />
          {isSyncing(view) ? <SyncProgress view={view} /> : null}
        </div>
      </Card>
      {view.connectorId === "lever" ? <HireExports connectionId={view.id} focus={section === "hires"} /> : null}
      {view.peopleStreams.length > 0 ? (
        <Card title="Head count">
          <HeadCountChart connectionId={view.id} />
        </Card>
      ) : null}
      <Card title="Syncs per day">
        <SyncActivityChart connectionId={view.id} />
      </Card>
      <SyncHistory connectionId={view.id} />
      <ConnectionEmails connectionId={view.id} />
    </>
  );
}
