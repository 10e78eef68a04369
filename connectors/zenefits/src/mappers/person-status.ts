import type { EmployeeStatus } from "@roster/core";

/**
 * Zenefits person status (reference §6, ts-zenefits enum) → Roster status. The raw word
 * is always kept beside it in `remoteStatus`. Documented in the README.
 */
export const personStatusTable: ReadonlyMap<string, EmployeeStatus> = new Map([
  ["active", "active"],
  ["leave_of_absence", "leave"],
  ["requested", "pending"],
  ["setup", "pending"],
  ["terminated", "terminated"],
  ["deleted", "inactive"],
]);

/** null (admin-only accounts, or the "Status" permission not granted) and unknown words map to inactive. */
export function mapPersonStatus(status: string | null): EmployeeStatus {
  if (status === null) return "inactive";
  return personStatusTable.get(status.trim().toLowerCase()) ?? "inactive";
}
