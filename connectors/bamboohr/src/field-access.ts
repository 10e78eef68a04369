import type { BambooHrPermissionId } from "./manifest";

/**
 * The BambooHR fields (reference §2.3 names) behind each permission. A permission is granted
 * when the key's user can read every one of them (verify.ts); custom fields are checked one by
 * one from `meta/fields`, since each company has its own.
 */
export const fieldsOfPermission: Record<Exclude<BambooHrPermissionId, "customFields">, readonly string[]> = {
  workContact: ["workEmail", "workPhone"],
  personalContact: ["homeEmail", "mobilePhone", "homePhone"],
  jobInfo: ["jobTitle", "department", "division", "location"],
  // supervisorEId is the supervisor's employee id; supervisorId is their employee *number* (§2.3).
  reportsTo: ["supervisorEId"],
  employmentStatus: ["employmentHistoryStatus", "terminationDate"],
  hireDates: ["hireDate", "originalHireDate"],
};

/** Fields every user who can see an employee reads: names, record status, change time. */
const alwaysReadable = ["firstName", "lastName", "preferredName", "employeeNumber", "status", "lastChanged"] as const;

/** What the employees stream asks the custom report for (`id` comes with every row). */
export const EMPLOYEE_FIELDS: readonly string[] = [...alwaysReadable, ...Object.values(fieldsOfPermission).flat()];
