import { Card } from "../../components/card";
import { PageHeader } from "../../components/page-header";
import { RequireAccess } from "../../components/require-access";
import { EmptyState } from "../../components/states";
import { useTitle } from "../../use-title";

/** Settings → HRIS integration → Zenefits (owners). The connection flow replaces this placeholder. */
export function ZenefitsSettingsPage() {
  useTitle("Zenefits");
  return (
    <RequireAccess page="zenefits">
      <PageHeader title="Zenefits" description="HRIS integration" />
      <Card>
        <EmptyState title="Connecting Zenefits is coming soon">
          <p>
            You'll paste a Zenefits access token here. Roster will check it, show which permissions it grants, and start syncing
            your directory.
          </p>
        </EmptyState>
      </Card>
    </RequireAccess>
  );
}
