import { type PeopleFilters, toPeopleQuery } from "./use-people-filters";

/**
 * Downloads every person the current filters match as CSV (the API streams it; the page size
 * does not apply). Its columns follow the caller's access: personal details only for those who
 * see sensitive data.
 */
export function ExportLink({ filters }: { filters: PeopleFilters }) {
  const query = toPeopleQuery(filters);
  const params = new URLSearchParams(
    Object.entries({
      q: query.search,
      department: query.departmentId,
      location: query.locationId,
      status: query.status,
    }).filter((entry): entry is [string, string] => Boolean(entry[1])),
  ).toString();
  return (
    <a className="button button-secondary" href={`/exports/people.csv${params ? `?${params}` : ""}`} download>
      Export CSV
    </a>
  );
}
