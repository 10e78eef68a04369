import { Card } from "../../components/card";
import { PageHeader } from "../../components/page-header";
import { RequireAccess } from "../../components/require-access";
import { EmptyState } from "../../components/states";
import { useTitle } from "../../use-title";

/** Settings → Integrations → Lever (owners and admins). The ATS export issue replaces this placeholder. */
export function LeverSettingsPage() {
  useTitle("Lever");
  return (
    <RequireAccess page="lever">
      <PageHeader title="Lever" description="Applicant tracking: send new hires to your HR system." />
      <Card>
        <EmptyState title="Connecting Lever is coming soon">
          <p>When a candidate is hired in Lever, Roster will create them in your HR system.</p>
        </EmptyState>
      </Card>
    </RequireAccess>
  );
}
