/**
 * What one user (and so each of their API keys) may see. BambooHR permissions
 * are per field and per employee (reference §1.2, §4); the simulator models
 * field groups, single fields, an employee allow-list and directory access.
 */
export const FIELD_GROUPS = [
  /** payRate, payType, payPer, exempt, paySchedule and the compensation table's columns. */
  "compensation",
  /** ssn, dateOfBirth, gender, maritalStatus. */
  "sensitive",
  /** homeEmail, homePhone, mobilePhone and the home address. */
  "personalContact",
  /** supervisor, supervisorEId, supervisorId, supervisorEmail and jobInfo.reportsTo. */
  "supervisor",
  /** jobTitle, department, division, location and the rest of the jobInfo table. */
  "jobInfo",
  /** employmentHistoryStatus, terminationDate and the employmentStatus table. */
  "employmentStatus",
  /** workEmail, workPhone, workPhoneExtension. */
  "workContact",
  /** Every custom field. */
  "custom",
] as const;

export type FieldGroup = (typeof FIELD_GROUPS)[number];

export interface AccessProfile {
  /** Groups this user cannot see. */
  hiddenGroups: readonly FieldGroup[];
  /** Single fields (aliases such as "workEmail", or custom field ids such as "4003") this user cannot see. */
  hiddenFields: readonly string[];
  /** Employees this user can see, or "all". */
  employees: "all" | readonly number[];
  /** Directory access: "orgChart" gets the reduced fieldset, "none" gets 403. */
  directory: "full" | "orgChart" | "none";
  /** May POST /v1/employees. */
  canAddEmployees: boolean;
  /** May POST /v1/employees/{id}. */
  canEditEmployees: boolean;
}

export const FULL_ACCESS: AccessProfile = {
  hiddenGroups: [],
  hiddenFields: [],
  employees: "all",
  directory: "full",
  canAddEmployees: true,
  canEditEmployees: true,
};

/** A typical restricted user: no pay, no SSN or birth date, no personal contact, no supervisor, read only. */
export const RESTRICTED_ACCESS: AccessProfile = {
  hiddenGroups: ["compensation", "sensitive", "personalContact", "supervisor"],
  hiddenFields: [],
  employees: "all",
  directory: "full",
  canAddEmployees: false,
  canEditEmployees: false,
};

/** The profile a request is checked against, with sets for fast lookups. */
export interface CompiledAccess {
  profile: AccessProfile;
  hiddenGroups: ReadonlySet<string>;
  hiddenFields: ReadonlySet<string>;
  /** Null when every employee is visible. */
  visibleEmployees: ReadonlySet<number> | null;
}

export function compileAccess(profile: AccessProfile): CompiledAccess {
  return {
    profile,
    hiddenGroups: new Set(profile.hiddenGroups),
    hiddenFields: new Set(profile.hiddenFields),
    visibleEmployees: profile.employees === "all" ? null : new Set(profile.employees),
  };
}

export function canSeeEmployee(access: CompiledAccess, employeeId: number): boolean {
  return access.visibleEmployees === null || access.visibleEmployees.has(employeeId);
}
