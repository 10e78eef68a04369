import { Card } from "../components/card";
import { PageHeader } from "../components/page-header";
import { EmptyState } from "../components/states";
import { useTitle } from "../use-title";

/** Placeholder until the directory issue: people, departments, locations and managers from the HRIS. */
export function DirectoryPage() {
  useTitle("Directory");
  return (
    <>
      <PageHeader title="Directory" description="Everyone in your organisation, as your HR system knows them." />
      <Card>
        <EmptyState title="No one here yet">
          <p>The directory fills in after an HR system is connected and its first sync finishes.</p>
        </EmptyState>
      </Card>
    </>
  );
}
