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

/**
 * No status (admin-only accounts, or the "Status" permission not granted) is unknown: null,
 * never a guess. A word outside the reference's list maps to inactive, kept in remoteStatus.
 */
export function mapPersonStatus(status: string | null): EmployeeStatus | null {
  if (status === null) return null;
  return personStatusTable.get(status.trim().toLowerCase()) ?? "inactive";
}
