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

export interface PeopleFilters {
  search: string;
  departmentId: string;
  locationId: string;
  status: PersonStatus | "";
}

const isStatus = (value: string): value is PersonStatus => statusOptions.some((o) => o.value === value);

/** Where the directory's last list was (its filters and page), for the person page's way back. */
const LAST_LIST_KEY = "roster.directory.list";

export function lastDirectoryUrl(): string {
  const search = sessionStorage.getItem(LAST_LIST_KEY);
  return search ? `/directory${search}` : "/directory";
}

/**
 * The directory's filters and page live in the URL (?q=&department=&location=&status=&page=&after=),
 * so a filtered list can be linked to (the departments and locations pages do), survives a
 * reload, and the person page's "Back to the directory" returns to it. `after` holds the keyset
 * cursors of the pages before (base64url, joined by "."), so Previous works after a reload too.
 */
export function usePeopleFilters() {
  const [params, setParams] = useSearchParams();
  const after = (params.get("after") ?? "").split(".").filter((c) => /^[\w-]{1,400}$/.test(c));
  const status = params.get("status") ?? "";
  const filters: PeopleFilters = {
    search: params.get("q") ?? "",
    departmentId: params.get("department") ?? "",
    locationId: params.get("location") ?? "",
    status: isStatus(status) ? status : "",
  };
  const filterParams = (merged: PeopleFilters) => ({
    q: merged.search.trim(),
    department: merged.departmentId,
    location: merged.locationId,
    status: merged.status,
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

/** The API's query for these filters (empty ones left out). */
export function toPeopleQuery(filters: PeopleFilters): Omit<PeopleInput, "cursor" | "limit"> {
  return {
    ...(filters.search.trim() ? { search: filters.search.trim() } : {}),
    ...(filters.departmentId ? { departmentId: filters.departmentId } : {}),
    ...(filters.locationId ? { locationId: filters.locationId } : {}),
    ...(filters.status ? { status: filters.status } : {}),
  };
}
