import { useState } from "react";
import { ErrorState, Loading } from "../../../components/states";
import { apiProblem } from "../../../errors";
import type { ConnectorDescription } from "../../../forms/credential-inputs";
import { type RouterOutputs, trpc } from "../../../trpc";
import type { ConnectionView } from "../../connections/use-live-connection";
import { ConnectForm } from "./connect-form";
import { ConnectedPanel } from "./connected-panel";
import { SendConnectLink } from "./send-connect-link";

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

/** Settings → Integrations → <HRIS> (owners): connect (or send a connect link to whoever can), or manage the connection. */
export function HrisSettings({ connector }: { connector: ConnectorDescription }) {
  const utils = trpc.useUtils();
  const connections = trpc.connections.list.useQuery();
  const [justConnected, setJustConnected] = useState<string | null>(null);
  const [deleted, setDeleted] = useState(false);
  if (connections.isPending) return <Loading label="Loading your integration…" />;
  if (connections.isError)
    return <ErrorState problem={apiProblem(connections.error)} onRetry={() => void connections.refetch()} />;
  const connection = connections.data.find((c) => c.connectorId === connector.id);

  if (!connection) {
    return (
      <>
        {deleted ? (
          <div className="alert alert-success banner" role="status">
            The {connector.name} integration and its synced directory were deleted.
          </div>
        ) : null}
        <ConnectForm
          connector={connector}
          onConnected={(view) => {
            utils.connections.get.setData({ connectionId: view.id }, view);
            // Shown at once: the list catches up with the refetch below.
            utils.connections.list.setData(undefined, (list) => [...(list ?? []), summaryOf(view)]);
            setJustConnected(view.id);
            setDeleted(false);
            void utils.connections.list.invalidate();
          }}
        />
        <SendConnectLink connector={connector} />
      </>
    );
  }
  return (
    <ConnectedPanel
      connector={connector}
      connectionId={connection.id}
      justConnected={justConnected === connection.id}
      onDeleted={() => {
        utils.connections.list.setData(undefined, (list) => list?.filter((c) => c.id !== connection.id));
        setDeleted(true);
        setJustConnected(null);
        void utils.connections.list.invalidate();
        void utils.directory.invalidate();
      }}
    />
  );
}
