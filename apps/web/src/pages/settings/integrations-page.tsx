import { Card } from "../../components/card";
import { PageHeader } from "../../components/page-header";
import { RequireAccess } from "../../components/require-access";
import { useTitle } from "../../use-title";
import { IntegrationsOverview } from "../integrations/integrations-overview";

/** Settings → Integrations: every installed connector, its state and what it needs, one click to its connection. */
export function IntegrationsPage() {
  useTitle("Integrations");
  return (
    <RequireAccess page="atsSettings">
      <PageHeader title="Integrations" description="The providers this Roster server can connect to, and how each is doing." />
      <Card>
        <IntegrationsOverview />
      </Card>
    </RequireAccess>
  );
}
