import { Link } from "wouter";
import { Card } from "../../components/card";
import { PageHeader } from "../../components/page-header";
import { RequireAccess } from "../../components/require-access";
import { ErrorState, Loading } from "../../components/states";
import { StatusBadge } from "../../components/status-badge";
import { apiProblem } from "../../errors";
import { paths } from "../../paths";
import { trpc } from "../../trpc";
import { useTitle } from "../../use-title";

const kindWords = { hris: "HR system", ats: "Applicant tracking" } as const;

/** Settings → Integrations: every installed connector, whether it is connected, one click to its page. */
export function IntegrationsPage() {
  useTitle("Integrations");
  return (
    <RequireAccess page="atsSettings">
      <PageHeader title="Integrations" description="The providers this Roster server can connect to." />
      <IntegrationsList />
    </RequireAccess>
  );
}

function IntegrationsList() {
  const connectors = trpc.connectors.list.useQuery(undefined, { staleTime: Number.POSITIVE_INFINITY });
  const connections = trpc.connections.list.useQuery();
  if (connectors.isPending || connections.isPending) return <Loading label="Loading the integrations…" />;
  if (connectors.isError) return <ErrorState problem={apiProblem(connectors.error)} onRetry={() => void connectors.refetch()} />;
  if (connections.isError)
    return <ErrorState problem={apiProblem(connections.error)} onRetry={() => void connections.refetch()} />;
  return (
    <Card>
      <ul className="integration-list" aria-label="Integrations">
        {connectors.data.map((connector) => {
          const connection = connections.data.find((c) => c.connectorId === connector.id);
          return (
            <li key={connector.id} className="integration-item">
              <div>
                <Link href={paths.integration(connector.id)} className="integration-name">
                  {connector.name}
                </Link>
                <p className="muted small">{kindWords[connector.kind]}</p>
              </div>
              {connection ? (
                <StatusBadge
                  tone={connection.status === "active" ? "success" : connection.status === "failing" ? "danger" : "neutral"}
                >
                  {connection.status === "active" ? "Connected" : connection.status === "failing" ? "Failing" : "Disabled"}
                </StatusBadge>
              ) : (
                <StatusBadge tone="neutral">Not connected</StatusBadge>
              )}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
