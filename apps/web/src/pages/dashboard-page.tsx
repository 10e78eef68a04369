import { Link } from "wouter";
import { canSee } from "../access";
import { Card } from "../components/card";
import { PageHeader } from "../components/page-header";
import { EmptyState } from "../components/states";
import { paths } from "../paths";
import { useSession } from "../session/session";
import { useTitle } from "../use-title";

/** The organisation at a glance. Connection health and sync status arrive with the Zenefits issue. */
export function DashboardPage() {
  useTitle("Dashboard");
  const { active, user } = useSession();
  const canConnect = canSee("zenefits", active);
  return (
    <>
      <PageHeader
        title="Dashboard"
        description={`Welcome, ${user.name}. This is ${active?.organisationName ?? "your organisation"}.`}
      />
      <Card title="Integrations">
        <EmptyState
          title="No integrations yet — connect Zenefits in Settings"
          action={
            canConnect ? (
              <Link href={paths.zenefits} className="button button-primary">
                Connect Zenefits
              </Link>
            ) : (
              <p className="muted">An owner of your organisation can connect it.</p>
            )
          }
        >
          <p>Once connected, Roster keeps a copy of your directory in sync every day.</p>
        </EmptyState>
      </Card>
    </>
  );
}
