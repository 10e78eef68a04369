import type { PeopleFilters } from "./use-people-filters";

/**
 * Downloads every person the current filters match as CSV (the API streams it; the page size
 * does not apply). Its columns follow the caller's access: personal details only for those who
 * see sensitive data.
 */
export function ExportLink({ filters }: { filters: PeopleFilters }) {
  const params = new URLSearchParams(
    Object.entries({
      q: filters.search.trim(),
      department: filters.departmentId,
      location: filters.locationId,
      status: filters.status,
    }).filter(([, value]) => value),
  ).toString();
  return (
    <a className="button button-secondary" href={`/exports/people.csv${params ? `?${params}` : ""}`} download>
      Export CSV
    </a>
  );
}
