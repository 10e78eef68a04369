import { Link } from "wouter";
import { Card } from "../../components/card";
import { formatCount, plural } from "../../format";
import { paths } from "../../paths";
import { trpc } from "../../trpc";

/** Head counts of the synced directory, for everyone. */
export function DirectorySummary() {
  const people = trpc.directory.people.useQuery({ limit: 1, status: "active" });
  const departments = trpc.directory.departments.useQuery();
  const locations = trpc.directory.locations.useQuery();
  if (people.isError || !people.data) return null;
  const total = people.data.totalIsCapped
    ? `${formatCount(people.data.total ?? 0)}+ active people`
    : plural(people.data.total ?? 0, "active person", "active people");
  return (
    <Card title="Directory" footer={<Link href={paths.directory}>Open the directory</Link>}>
      <ul className="stats">
        <li>
          <span className="stat-value">{total}</span>
        </li>
        {departments.data ? (
          <li>
            <Link href={paths.departments}>{plural(departments.data.length, "department", "departments")}</Link>
          </li>
        ) : null}
        {locations.data ? (
          <li>
            <Link href={paths.locations}>{plural(locations.data.length, "location", "locations")}</Link>
          </li>
        ) : null}
      </ul>
    </Card>
  );
}
