import { Card } from "../../components/card";
import { DateTime } from "../../components/date-time";
import { PageHeader } from "../../components/page-header";
import { RequireAccess } from "../../components/require-access";
import { EmptyState, ErrorState, Loading } from "../../components/states";
import { apiProblem } from "../../errors";
import { trpc } from "../../trpc";
import { useTitle } from "../../use-title";
import { auditActorName, describeAuditEntry } from "./describe-audit-entry";

export function AuditLogPage() {
  useTitle("Audit log");
  return (
    <RequireAccess page="audit">
      <PageHeader title="Audit log" description="Who changed members, roles, invitations, connections and credentials." />
      <AuditTable />
    </RequireAccess>
  );
}

function AuditTable() {
  const audit = trpc.audit.list.useInfiniteQuery({ limit: 50 }, { getNextPageParam: (page) => page.nextCursor });
  if (audit.isPending) return <Loading label="Loading the audit log…" />;
  if (audit.isError) return <ErrorState problem={apiProblem(audit.error)} onRetry={() => void audit.refetch()} />;
  const entries = audit.data.pages.flatMap((page) => page.entries);
  if (entries.length === 0) {
    return (
      <Card>
        <EmptyState title="Nothing recorded yet">
          <p>Changes to members, invitations and integrations will appear here.</p>
        </EmptyState>
      </Card>
    );
  }
  return (
    <Card
      footer={
        audit.hasNextPage ? (
          <button
            type="button"
            className="button button-secondary"
            disabled={audit.isFetchingNextPage}
            onClick={() => void audit.fetchNextPage()}
          >
            {audit.isFetchingNextPage ? "Loading…" : "Load older entries"}
          </button>
        ) : null
      }
    >
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td className="muted nowrap">
                  <DateTime value={entry.createdAt} />
                </td>
                <td>
                  <AuditActor entry={entry} />
                </td>
                <td>{describeAuditEntry(entry)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

function AuditActor({ entry }: { entry: Parameters<typeof auditActorName>[0] }) {
  const actor = auditActorName(entry);
  return actor.person ? actor.name : <span className="muted">{actor.name}</span>;
}
