import { Link } from "wouter";
import { PageHeader } from "../components/page-header";
import { EmptyState } from "../components/states";
import { paths } from "../paths";
import { useTitle } from "../use-title";

export function NotFoundPage() {
  useTitle("Not found");
  return (
    <>
      <PageHeader title="Page not found" />
      <EmptyState
        title="There's nothing at this address"
        action={
          <Link href={paths.dashboard} className="button button-secondary">
            Go to the dashboard
          </Link>
        }
      />
    </>
  );
}
