import type { SortDirection, SortKey } from "./use-people-filters";

export interface SortState {
  key: SortKey;
  direction: SortDirection;
}

/**
 * A column header that sorts the list by its column: a first click sorts ascending, the next
 * reverses. `aria-sort` tells screen readers which column orders the table, and which way.
 */
export function SortHeader({
  label,
  column,
  sort,
  onSort,
}: {
  label: string;
  column: SortKey;
  sort: SortState;
  onSort: (key: SortKey, direction: SortDirection) => void;
}) {
  const active = sort.key === column;
  const next: SortDirection = active && sort.direction === "asc" ? "desc" : "asc";
  return (
    <th scope="col" aria-sort={active ? (sort.direction === "asc" ? "ascending" : "descending") : "none"}>
      <button type="button" className="sort-button" onClick={() => onSort(column, next)}>
        {label}
        <span className="sort-mark" aria-hidden="true">
          {active ? (sort.direction === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </button>
    </th>
  );
}
