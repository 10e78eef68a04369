import { PageHeader } from "../../components/page-header";
import { useTitle } from "../../use-title";
import { DirectoryTabs } from "./directory-tabs";
import { ExportLink } from "./export-link";
import { PeopleFilters } from "./people-filters";
import { PeopleResults } from "./people-results";
import { defaultFilters, isFiltered, toPeopleQuery, usePeopleFilters } from "./use-people-filters";

/** Directory → People (every member): search, filters and pages over the synced directory. */
export function PeoplePage() {
  useTitle("Directory");
  const { filters, cursors, setFilters, setCursors } = usePeopleFilters();
  const query = toPeopleQuery(filters);
  const filtered = isFiltered(filters);
  return (
    <>
      <PageHeader
        title="Directory"
        description="Everyone in your organisation, as your HR system knows them."
        actions={<ExportLink filters={filters} />}
      />
      <DirectoryTabs />
      <PeopleFilters filters={filters} onChange={setFilters} />
      <PeopleResults
        key={JSON.stringify(query)}
        query={query}
        filtered={filtered}
        cursors={cursors}
        onCursors={setCursors}
        sort={{ key: filters.sort, direction: filters.direction }}
        onSort={(sort, direction) => setFilters({ sort, direction })}
        onClearFilters={() => setFilters({ ...defaultFilters, sort: filters.sort, direction: filters.direction })}
      />
    </>
  );
}
