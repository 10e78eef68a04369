import { Link } from "wouter";
import { Card } from "../../components/card";
import { PageHeader } from "../../components/page-header";
import { EmptyState, ErrorState, Loading } from "../../components/states";
import { StatusBadge } from "../../components/status-badge";
import { apiProblem } from "../../errors";
import { formatCount } from "../../format";
import { paths } from "../../paths";
import { trpc } from "../../trpc";
import { useTitle } from "../../use-title";
import { DirectoryTabs } from "./directory-tabs";

interface GroupsPageProps {
  kind: "departments" | "locations";
}

const copy = {
  departments: { title: "Departments", singular: "department", param: "department", noun: "departments" },
  locations: { title: "Locations", singular: "location", param: "location", noun: "locations" },
} as const;

/** Departments or locations with head counts (active people), each linking to its filtered people list. */
export function GroupsPage({ kind }: GroupsPageProps) {
  const text = copy[kind];
  useTitle(text.title);
  const departments = trpc.directory.departments.useQuery(undefined, { enabled: kind === "departments" });
  const locations = trpc.directory.locations.useQuery(undefined, { enabled: kind === "locations" });
  const groups = kind === "departments" ? departments : locations;
  return (
    <>
      <PageHeader title="Directory" description="Everyone in your organisation, as your HR system knows them." />
      <DirectoryTabs />
      {groups.isPending ? (
        <Loading label={`Loading ${text.noun}…`} />
      ) : groups.isError ? (
        <ErrorState problem={apiProblem(groups.error)} onRetry={() => void groups.refetch()} />
      ) : groups.data.length === 0 ? (
        <Card>
          <EmptyState title={`No ${text.noun} yet`}>
            <p>They appear after the HR system's first sync.</p>
          </EmptyState>
        </Card>
      ) : (
        <Card>
          <div className="table-wrap">
            <table className="table" aria-label={text.title}>
              <thead>
                <tr>
                  <th scope="col">{text.title.slice(0, -1)}</th>
                  {kind === "locations" ? <th scope="col">Address</th> : null}
                  <th scope="col" className="numeric">
                    Head count
                  </th>
                </tr>
              </thead>
              <tbody>
                {groups.data.map((group) => {
                  const href = `${paths.directory}?${text.param}=${group.id}`;
                  return (
                    <tr key={group.id}>
                      <td>
                        <Link href={href}>{group.name}</Link>{" "}
                        {group.deleted ? <StatusBadge tone="neutral">Deleted</StatusBadge> : null}
                      </td>
                      {kind === "locations" ? <td className="muted">{group.detail ?? "—"}</td> : null}
                      <td className="numeric">
                        <Link href={href} aria-label={`${formatCount(group.headCount)} people in ${group.name}`}>
                          {formatCount(group.headCount)}
                        </Link>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p className="muted small table-note">Head counts leave out terminated and deleted people.</p>
        </Card>
      )}
    </>
  );
}
