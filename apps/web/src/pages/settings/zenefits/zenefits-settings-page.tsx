import { useState } from "react";
import { PageHeader } from "../../../components/page-header";
import { RequireAccess } from "../../../components/require-access";
import { ErrorState, Loading } from "../../../components/states";
import { apiProblem } from "../../../errors";
import { type RouterOutputs, trpc } from "../../../trpc";
import { useTitle } from "../../../use-title";
import type { ConnectionView } from "../../connections/use-live-connection";
import { ConnectForm } from "./connect-form";
import { ConnectedPanel } from "./connected-panel";

/** Settings → HRIS integration → Zenefits (owners): connect, or manage the connection. */
export function ZenefitsSettingsPage() {
  useTitle("Zenefits");
  return (
    <RequireAccess page="zenefits">
      <PageHeader
        title="Zenefits"
        description="HRIS integration: Roster keeps a copy of your Zenefits directory, synced every day."
      />
      <ZenefitsSettings />
    </RequireAccess>
  );
}

type Summary = RouterOutputs["connections"]["list"][number];

const summaryOf = (view: ConnectionView): Summary => ({
  id: view.id,
  connectorId: view.connectorId,
  displayName: view.displayName,
  status: view.status,
  consecutiveFailures: view.consecutiveFailures,
  lastSyncAt: view.lastSyncAt,
  lastSuccessAt: view.lastSuccessAt,
  nextSyncAt: view.nextSyncAt,
});

function ZenefitsSettings() {
  const utils = trpc.useUtils();
  const connections = trpc.connections.list.useQuery();
  const [justConnected, setJustConnected] = useState<string | null>(null);
  const [deleted, setDeleted] = useState(false);
  if (connections.isPending) return <Loading label="Loading your integration…" />;
  if (connections.isError)
    return <ErrorState problem={apiProblem(connections.error)} onRetry={() => void connections.refetch()} />;
  const zenefits = connections.data.find((c) => c.connectorId === "zenefits");

  if (!zenefits) {
    return (
      <>
        {deleted ? (
          <div className="alert alert-success banner" role="status">
            The Zenefits integration and its synced directory were deleted.
          </div>
        ) : null}
        <ConnectForm
          onConnected={(view) => {
            utils.connections.get.setData({ connectionId: view.id }, view);
            // Shown at once: the list catches up with the refetch below.
            utils.connections.list.setData(undefined, (list) => [...(list ?? []), summaryOf(view)]);
            setJustConnected(view.id);
            setDeleted(false);
            void utils.connections.list.invalidate();
          }}
        />
      </>
    );
  }
  return (
    <ConnectedPanel
      connectionId={zenefits.id}
      justConnected={justConnected === zenefits.id}
      onDeleted={() => {
        utils.connections.list.setData(undefined, (list) => list?.filter((c) => c.id !== zenefits.id));
        setDeleted(true);
        setJustConnected(null);
        void utils.connections.list.invalidate();
        void utils.directory.invalidate();
      }}
    />
  );
}
