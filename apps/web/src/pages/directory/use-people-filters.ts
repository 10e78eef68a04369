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

/**
 * The directory's filters live in the URL (?q=&department=&location=&status=), so a filtered
 * list can be linked to (the departments and locations pages do) and survives a reload.
 */
export function usePeopleFilters() {
  const [params, setParams] = useSearchParams();
  const status = params.get("status") ?? "";
  const filters: PeopleFilters = {
    search: params.get("q") ?? "",
    departmentId: params.get("department") ?? "",
    locationId: params.get("location") ?? "",
    status: isStatus(status) ? status : "",
  };
  const setFilters = (next: Partial<PeopleFilters>) => {
    const merged = { ...filters, ...next };
    const entries = Object.entries({
      q: merged.search.trim(),
      department: merged.departmentId,
      location: merged.locationId,
      status: merged.status,
    }).filter(([, v]) => v);
    setParams(Object.fromEntries(entries), { replace: true });
  };
  return { filters, setFilters };
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
