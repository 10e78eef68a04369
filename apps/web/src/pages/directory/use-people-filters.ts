import { useSearchParams } from "wouter";
import type { RouterInputs } from "../../trpc";

type PeopleInput = RouterInputs["directory"]["people"];
export type PersonStatus = NonNullable<PeopleInput["status"]>;

/** The status filter's choices, in the order the menu lists them. */
export const statusOptions = [
  { value: "active", label: "Active" },
  { value: "leave", label: "On leave" },
  { value: "pending", label: "Pending" },
  { value: "inactive", label: "Inactive" },
  { value: "terminated", label: "Terminated" },
  { value: "deleted", label: "Deleted" },
] as const satisfies readonly { value: PersonStatus; label: string }[];

/** The status filter: one status, or "any" (everyone, terminated and deleted included). */
export type StatusFilter = PersonStatus | "any";

/** Active people unless the filter says otherwise: the list then matches the dashboard's count. */
export const DEFAULT_STATUS: StatusFilter = "active";

export type SortKey = NonNullable<PeopleInput["sort"]>;
export type SortDirection = NonNullable<PeopleInput["direction"]>;
const sortKeys: readonly SortKey[] = ["name", "jobTitle", "department", "location", "status"];

export interface PeopleFilters {
  search: string;
  departmentId: string;
  locationId: string;
  status: StatusFilter;
  sort: SortKey;
  direction: SortDirection;
}

/** Filters as a fresh list has them. */
export const defaultFilters: PeopleFilters = {
  search: "",
  departmentId: "",
  locationId: "",
  status: DEFAULT_STATUS,
  sort: "name",
  direction: "asc",
};

const isStatus = (value: string): value is PersonStatus => statusOptions.some((o) => o.value === value);
const isSortKey = (value: string): value is SortKey => (sortKeys as readonly string[]).includes(value);

/** Where the directory's last list was (its filters and page), for the person page's way back. */
const LAST_LIST_KEY = "roster.directory.list";

export function lastDirectoryUrl(): string {
  const search = sessionStorage.getItem(LAST_LIST_KEY);
  return search ? `/directory${search}` : "/directory";
}

/**
 * The directory's filters, sort and page live in the URL (?q=&department=&location=&status=&sort=&dir=&page=&after=),
 * so a filtered list can be linked to (the departments and locations pages do), survives a
 * reload, and the person page's "Back to the directory" returns to it. `after` holds the keyset
 * cursors of the pages before (base64url, joined by "."), so Previous works after a reload too.
 */
export function usePeopleFilters() {
  const [params, setParams] = useSearchParams();
  const after = (params.get("after") ?? "").split(".").filter((c) => /^[\w-]{1,400}$/.test(c));
  const status = params.get("status") ?? "";
  const sort = params.get("sort") ?? "";
  const filters: PeopleFilters = {
    search: params.get("q") ?? "",
    departmentId: params.get("department") ?? "",
    locationId: params.get("location") ?? "",
    status: isStatus(status) || status === "any" ? status : DEFAULT_STATUS,
    sort: isSortKey(sort) ? sort : "name",
    direction: params.get("dir") === "desc" ? "desc" : "asc",
  };
  // Defaults stay out of the URL: a plain /directory is the list of active people by name.
  const filterParams = (merged: PeopleFilters) => ({
    q: merged.search.trim(),
    department: merged.departmentId,
    location: merged.locationId,
    status: merged.status === DEFAULT_STATUS ? "" : merged.status,
    sort: merged.sort === "name" ? "" : merged.sort,
    dir: merged.direction === "asc" ? "" : merged.direction,
  });
  const write = (entries: Record<string, string>, replace: boolean) => {
    const kept = Object.fromEntries(Object.entries(entries).filter(([, v]) => v));
    setParams(kept, { replace });
    const search = new URLSearchParams(kept).toString();
    sessionStorage.setItem(LAST_LIST_KEY, search ? `?${search}` : "");
  };
  /** New filters start again at page one. */
  const setFilters = (next: Partial<PeopleFilters>) => write(filterParams({ ...filters, ...next }), true);
  /** A page is a history entry: the browser's Back returns to the page before. */
  const setCursors = (cursors: string[]) =>
    write({ ...filterParams(filters), page: cursors.length ? String(cursors.length + 1) : "", after: cursors.join(".") }, false);
  return { filters, cursors: after, setFilters, setCursors };
}

/** The API's query for these filters (empty ones left out; "any" status is no status filter). */
export function toPeopleQuery(filters: PeopleFilters): Omit<PeopleInput, "cursor" | "limit"> {
  return {
    ...(filters.search.trim() ? { search: filters.search.trim() } : {}),
    ...(filters.departmentId ? { departmentId: filters.departmentId } : {}),
    ...(filters.locationId ? { locationId: filters.locationId } : {}),
    ...(filters.status !== "any" ? { status: filters.status } : {}),
    ...(filters.sort !== "name" ? { sort: filters.sort } : {}),
    ...(filters.direction !== "asc" ? { direction: filters.direction } : {}),
  };
}

/** Whether the list is narrowed beyond what a fresh list shows (the sort narrows nothing). */
export function isFiltered(filters: PeopleFilters): boolean {
  return (
    filters.search.trim() !== "" || filters.departmentId !== "" || filters.locationId !== "" || filters.status !== DEFAULT_STATUS
  );
}
