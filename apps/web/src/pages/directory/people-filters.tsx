import { useEffect, useId, useRef, useState } from "react";
import { trpc } from "../../trpc";
import { useDebouncedValue } from "./use-debounced-value";
import { type PeopleFilters as Filters, statusOptions } from "./use-people-filters";

interface PeopleFiltersProps {
  filters: Filters;
  onChange: (next: Partial<Filters>) => void;
}

/** Search (debounced while typing) and the department, location and status menus. */
export function PeopleFilters({ filters, onChange }: PeopleFiltersProps) {
  const id = useId();
  const [search, setSearch] = useState(filters.search);
  const debounced = useDebouncedValue(search, 300);
  const departments = trpc.directory.departments.useQuery();
  const locations = trpc.directory.locations.useQuery();

  // What this box last wrote to the URL: any other change of ?q= came from outside (Clear, a link).
  const written = useRef(filters.search);

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a settled search string updates the URL
  useEffect(() => {
    if (debounced.trim() === filters.search.trim()) return;
    written.current = debounced.trim();
    onChange({ search: debounced });
  }, [debounced]);

  useEffect(() => {
    if (filters.search === written.current) return;
    written.current = filters.search;
    setSearch(filters.search);
  }, [filters.search]);

  return (
    <search className="filters" aria-label="Filter people">
      <div className="field filter-search">
        <label htmlFor={`${id}-search`}>Search</label>
        <input
          id={`${id}-search`}
          type="search"
          placeholder="Name or email"
          maxLength={100}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-department`}>Department</label>
        <select id={`${id}-department`} value={filters.departmentId} onChange={(e) => onChange({ departmentId: e.target.value })}>
          <option value="">All departments</option>
          {departments.data?.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-location`}>Location</label>
        <select id={`${id}-location`} value={filters.locationId} onChange={(e) => onChange({ locationId: e.target.value })}>
          <option value="">All locations</option>
          {locations.data?.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>Status</label>
        <select
          id={`${id}-status`}
          value={filters.status}
          onChange={(e) => onChange({ status: e.target.value as Filters["status"] })}
        >
          <option value="any">Any status</option>
          {statusOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </search>
  );
}
