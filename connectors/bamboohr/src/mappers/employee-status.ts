import type { EmployeeStatus } from "@roster/core";

/**
 * Roster's status from BambooHR's two words (reference §2.3, §6): `status` is the record's
 * Active/Inactive, `employmentHistoryStatus` the current employment status ("Full-Time",
 * "Terminated", a company's own words such as "Leave of Absence").
 *
 * | employmentHistoryStatus | status   | Roster       |
 * | ----------------------- | -------- | ------------ |
 * | Terminated              | any      | terminated   |
 * | anything else or none   | Inactive | inactive     |
 * | contains "leave"        | Active   | leave        |
 * | anything else or none   | Active   | active       |
 * | (no readable words)     |          | null: unknown |
 *
 * A hire dated after today is still "Active" in BambooHR; telling it apart would need today's
 * date, which a pure mapper does not have, so it reads as active with its future start date.
 */
export function mapEmployeeStatus(status: string | null, history: string | null): EmployeeStatus | null {
  const word = history?.trim().toLowerCase() ?? null;
  if (word === "terminated") return "terminated";
  const record = status?.trim().toLowerCase() ?? null;
  if (record === "inactive") return "inactive";
  if (word?.includes("leave")) return "leave";
  if (record === "active") return "active";
  return null;
}

/** The provider's words kept beside the status: "Active · Full-Time", "Inactive · Terminated". */
export function remoteStatusOf(status: string | null, history: string | null): string | null {
  const words = [status, history].filter((w): w is string => w !== null);
  return words.length > 0 ? words.join(" · ") : null;
}

/** The employment type is the employment status word, except "Terminated", which says none. */
export function employmentTypeOf(history: string | null): string | null {
  return history === null || history.trim().toLowerCase() === "terminated" ? null : history;
}
