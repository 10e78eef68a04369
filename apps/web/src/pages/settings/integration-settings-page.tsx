import { Link } from "wouter";
import { PageHeader } from "../../components/page-header";
import { RequireAccess } from "../../components/require-access";
import { EmptyState, ErrorState, Loading } from "../../components/states";
import { apiProblem } from "../../errors";
import { paths } from "../../paths";
import { trpc } from "../../trpc";
import { useTitle } from "../../use-title";
import { HrisSettings } from "./hris/hris-settings";
import { LeverSettingsPage } from "./lever-settings-page";

/**
 * Settings → Integrations → <provider>, for every installed connector: the page is drawn from
 * the connector's manifest (credentials, permissions, help), never written per provider.
 * An HRIS is connected and managed by owners; an ATS (admins read, owners edit) is set up
 * with where its hires go.
 */
export function IntegrationSettingsPage({ connectorId }: { connectorId: string }) {
  return (
    <RequireAccess page="atsSettings">
      <IntegrationSettings connectorId={connectorId} />
    </RequireAccess>
  );
}

function IntegrationSettings({ connectorId }: { connectorId: string }) {
  const connectors = trpc.connectors.list.useQuery(undefined, { staleTime: Number.POSITIVE_INFINITY });
  const connector = connectors.data?.find((c) => c.id === connectorId);
  useTitle(connector?.name ?? "Integration");
  if (connectors.isPending) return <Loading label="Loading the integration…" />;
  if (connectors.isError) return <ErrorState problem={apiProblem(connectors.error)} onRetry={() => void connectors.refetch()} />;
  if (!connector) {
    return (
      <EmptyState
        title="No such integration"
        action={
          <Link href={paths.dashboard} className="button button-secondary">
            Back to the dashboard
          </Link>
        }
      >
        <p>No connector "{connectorId}" is installed on this Roster server.</p>
      </EmptyState>
    );
  }
  if (connector.kind === "ats") return <LeverSettingsPage />;
  return (
    <RequireAccess page="hrisSettings">
      <PageHeader
        title={connector.name}
        description={`HRIS integration: Roster keeps a copy of your ${connector.name} directory, synced every day.`}
      />
      <HrisSettings connector={connector} />
    </RequireAccess>
  );
}
