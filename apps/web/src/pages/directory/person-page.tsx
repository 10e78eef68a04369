import { Link } from "wouter";
import { PageHeader } from "../../components/page-header";
import { EmptyState, ErrorState, Loading } from "../../components/states";
import { apiProblem, isCode } from "../../errors";
import { trpc } from "../../trpc";
import { useTitle } from "../../use-title";
import { CustomFields, DirectReports, Employments, ManagerChain, PersonDetails, RecentChanges } from "./person-sections";
import { PersonStatusBadge } from "./person-status-badge";
import { lastDirectoryUrl } from "./use-people-filters";

/** /directory/people/:id (every member): one person, with whom they report to and who reports to them. */
export function PersonPage({ personId }: { personId: string }) {
  const person = trpc.directory.person.useQuery({ id: personId });
  useTitle(person.data?.displayName ?? "Person");
  const back = (
    <Link href={lastDirectoryUrl()} className="button button-secondary">
      Back to the directory
    </Link>
  );
  if (person.isPending) return <Loading label="Loading this person…" />;
  if (person.isError) {
    if (isCode(person.error, "NOT_FOUND") || isCode(person.error, "BAD_REQUEST")) {
      return (
        <EmptyState title="No one with this link" action={back}>
          <p>They may belong to another organisation, or the link is wrong.</p>
        </EmptyState>
      );
    }
    return <ErrorState problem={apiProblem(person.error)} onRetry={() => void person.refetch()} />;
  }
  const data = person.data;
  return (
    <>
      <ManagerChain person={data} />
      <PageHeader
        title={data.displayName}
        description={
          <span className="title-with-badge">
            {data.jobTitle ?? "No job title"}
            <PersonStatusBadge status={data.status} deleted={data.deletedAt !== null} />
          </span>
        }
        actions={back}
      />
      {data.sensitiveHidden ? (
        <p className="notice notice-neutral small" role="note">
          Personal contact details and custom fields are hidden: they are for owners, admins and members with access to sensitive
          data.
        </p>
      ) : null}
      <div className="grid-2">
        <PersonDetails person={data} />
        <div>
          <DirectReports person={data} />
          <CustomFields person={data} />
        </div>
      </div>
      <Employments person={data} />
      <RecentChanges person={data} />
    </>
  );
}
