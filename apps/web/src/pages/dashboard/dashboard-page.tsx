import { Link } from "wouter";
import { canSee } from "../../access";
import { Card } from "../../components/card";
import { PageHeader } from "../../components/page-header";
import { EmptyState, ErrorState, Loading } from "../../components/states";
import { apiProblem } from "../../errors";
import { paths } from "../../paths";
import { useSession } from "../../session/session";
import { trpc } from "../../trpc";
import { useTitle } from "../../use-title";
import { HeadCountChart } from "../charts/head-count-chart";
import { SyncActivityChart } from "../charts/sync-activity-chart";
import { IntegrationsOverview } from "../integrations/integrations-overview";
import { ConnectionSummary } from "./connection-summary";
import { DirectorySummary } from "./directory-summary";

/** The organisation at a glance: its HR integration (owners and admins) and its directory. */
export function DashboardPage() {
  useTitle("Dashboard");
  const { active, user } = useSession();
  return (
    <>
      <PageHeader
        title="Dashboard"
        description={`Welcome, ${user.name}. This is ${active?.organisationName ?? "your organisation"}.`}
      />
      {canSee("connection", active) ? (
        <>
          <Card title="Integrations" footer={<Link href={paths.integrations}>All integrations</Link>}>
            <IntegrationsOverview />
          </Card>
          <Integrations />
        </>
      ) : (
        <Card title="Integrations">
          <p className="muted">Your organisation's owners manage its HR integration. The directory below comes from it.</p>
        </Card>
      )}
      <DirectorySummary />
      <Card title="Head count">
        <HeadCountChart />
      </Card>
      {canSee("connection", active) ? (
        <Card title="Syncs per day">
          <SyncActivityChart />
        </Card>
      ) : null}
    </>
  );
}

function Integrations() {
  const { active } = useSession();
  const connections = trpc.connections.list.useQuery();
  if (connections.isPending) {
    return (
      <Card title="Integrations">
        <Loading label="Loading integrations…" />
      </Card>
    );
  }
  if (connections.isError) {
    return (
      <Card title="Integrations">
        <ErrorState problem={apiProblem(connections.error)} onRetry={() => void connections.refetch()} />
      </Card>
    );
  }
  if (connections.data.length === 0) {
    return (
      <Card title="Integrations">
        <EmptyState
          title="No integrations yet — connect your HR system in Settings"
          action={
            canSee("hrisSettings", active) ? (
              <Link href={paths.integrations} className="button button-primary">
                Connect an HR system
              </Link>
            ) : (
              <p className="muted">An owner of your organisation can connect it.</p>
            )
          }
        >
          <p>Once connected, Roster keeps a copy of your directory in sync every day.</p>
        </EmptyState>
      </Card>
    );
  }
  return (
    <>
      {connections.data.map((connection) => (
        <ConnectionSummary key={connection.id} connectionId={connection.id} />
      ))}
    </>
  );
}
