import { Link } from "wouter";
import { Card } from "../../../components/card";
import { ErrorState, Loading } from "../../../components/states";
import { apiProblem, isCode } from "../../../errors";
import { plural } from "../../../format";
import type { ConnectorDescription } from "../../../forms/credential-inputs";
import { paths } from "../../../paths";
import { trpc } from "../../../trpc";
import { ConnectionNotFound } from "../../connections/connection-page";
import { ConnectionStatusBadge, FailureNotice, SyncTimes } from "../../connections/connection-status";
import { StaleFieldsNotice } from "../../connections/stale-fields";
import { SyncProgress } from "../../connections/sync-progress";
import { type ConnectionView, isSyncing, useLiveConnection } from "../../connections/use-live-connection";
import { ConnectionActions } from "./connection-actions";
import { NotificationEmailForm } from "./notification-email-form";
import { PermissionsChecklist } from "./permissions-checklist";
import { ProviderWebhook } from "./provider-webhook";
import { RotateCredentialsForm } from "./rotate-credentials-form";

/**
 * A connected HRIS: right after Save this is the success screen (company, permissions
 * checklist, first sync with live progress); later it is the status card and its actions.
 */
export function ConnectedPanel({
  connector,
  connectionId,
  justConnected,
  onDeleted,
}: {
  connector: ConnectorDescription;
  connectionId: string;
  justConnected: boolean;
  onDeleted: () => void;
}) {
  const utils = trpc.useUtils();
  const connection = useLiveConnection(connectionId);
  if (connection.isPending) return <Loading label="Loading the connection…" />;
  if (connection.isError) {
    if (isCode(connection.error, "NOT_FOUND")) return <ConnectionNotFound />;
    return <ErrorState problem={apiProblem(connection.error)} onRetry={() => void connection.refetch()} />;
  }
  const view = connection.data;
  const update = (next: ConnectionView) => utils.connections.get.setData({ connectionId }, next);
  const companyName = view.account?.name ?? view.displayName;
  return (
    <>
      {justConnected ? (
        <div className="alert alert-success banner" role="status" data-testid="connect-success">
          Connected to <strong>{companyName}</strong>: {connector.name} accepted the credentials. Roster now syncs your directory
          every day.
          <FirstSyncResult view={view} />
        </div>
      ) : null}
      <Card
        title={
          <span className="title-with-badge">
            {companyName} <ConnectionStatusBadge view={view} />
          </span>
        }
        footer={<Link href={paths.connection(view.id)}>Sync history and emails</Link>}
      >
        <div className="stack">
          <p className="muted">
            {connector.name} · credentials {view.credentialsHint ?? "hidden"} · notifications to{" "}
            {view.notificationEmail ?? "the owners only"}
          </p>
          <SyncTimes view={view} />
          <FailureNotice view={view} />
          <StaleFieldsNotice view={view} settingsHref={null} />
          {isSyncing(view) ? <SyncProgress view={view} /> : null}
        </div>
      </Card>
      <Card title="Permissions">
        <PermissionsChecklist view={view} />
      </Card>
      {view.webhookUrl ? <ProviderWebhook providerName={connector.name} url={view.webhookUrl} /> : null}
      <div className="grid-2">
        <RotateCredentialsForm
          connector={connector}
          view={view}
          onRotated={(next) => {
            update(next);
            connection.expectSync();
          }}
        />
        <NotificationEmailForm view={view} onSaved={update} />
      </div>
      <ConnectionActions
        connector={connector}
        view={view}
        onChanged={update}
        onSyncQueued={connection.expectSync}
        onDeleted={onDeleted}
      />
    </>
  );
}

/** Once the first sync has finished: how many people it brought in, or that it failed. */
function FirstSyncResult({ view }: { view: ConnectionView }) {
  const run = view.lastRun;
  if (!run || isSyncing(view)) return null;
  if (run.status !== "succeeded") return <p>The first sync did not finish; see below for what to do.</p>;
  const people = view.peopleStreams.reduce(
    (n, s) => n + Math.max(0, (run.counts[s]?.read ?? 0) - (run.counts[s]?.failed ?? 0)),
    0,
  );
  return (
    <p data-testid="first-sync-result">
      First sync finished: {plural(people, "person", "people")} synced.{" "}
      <Link href={paths.run(view.id, run.id)}>See what it did</Link>
    </p>
  );
}
