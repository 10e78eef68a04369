/**
 * Internal record shapes. Flat and small (supervisors as ids, list values as
 * their display text) so a 100,000-employee company stays cheap; the API
 * shapes are rendered per request from these.
 */
import type { AccessProfile } from "./access";

export type EmployeeStatus = "Active" | "Inactive";

/** One row of the jobInfo history table; `reportsTo` is the supervisor's employee id. */
export interface JobInfoRow {
  id: number;
  date: string;
  jobTitle: string | null;
  department: string | null;
  division: string | null;
  location: string | null;
  reportsTo: number | null;
}

/** One row of the employmentStatus history table ("Full-Time", "Terminated", ...). */
export interface EmploymentStatusRow {
  id: number;
  date: string;
  employmentStatus: string;
  /** Option ids of the terminationReason / terminationType lists, as strings. */
  terminationReasonId: string | null;
  terminationTypeId: string | null;
  comment: string | null;
}

/** One row of the compensation history table; `rate` is a decimal string such as "65000.00". */
export interface CompensationRow {
  id: number;
  startDate: string;
  rate: string;
  currency: string;
  type: "Salary" | "Hourly";
  paidPer: "Year" | "Hour";
  exempt: "Exempt" | "Non-exempt" | null;
  paySchedule: string | null;
  reason: string | null;
  comment: string | null;
}

/**
 * One employee. Text fields hold exactly what the API returns: `null` for
 * never-set, `""` for blanked, and dates may be `"0000-00-00"`.
 */
export interface EmployeeRecord {
  id: number;
  employeeNumber: string;
  firstName: string;
  lastName: string;
  middleName: string | null;
  preferredName: string | null;
  status: EmployeeStatus;
  workEmail: string | null;
  homeEmail: string | null;
  workPhone: string | null;
  workPhoneExtension: string | null;
  mobilePhone: string | null;
  homePhone: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  state: string | null;
  zipcode: string | null;
  country: string | null;
  hireDate: string;
  originalHireDate: string;
  dateOfBirth: string | null;
  gender: string | null;
  maritalStatus: string | null;
  ssn: string | null;
  linkedIn: string | null;
  pronouns: string | null;
  photoUploaded: boolean;
  /** Custom field values keyed by custom field id ("4001"). */
  custom: Record<string, string | null>;
  /**
   * When the record (or any of its table rows) last changed, in Unix seconds:
   * change timestamps have second resolution, and small integers keep 100,000
   * records compact.
   */
  lastChangedSec: number;
  /** When the record was created (Unix seconds); `employees/changed` reports "Inserted" after it. */
  createdSec: number;
  jobInfo: JobInfoRow[];
  employmentStatus: EmploymentStatusRow[];
  compensation: CompensationRow[];
}

export interface DeletedEmployee {
  id: number;
  lastChangedSec: number;
}

/** A BambooHR user account: API keys belong to users, and permissions are the user's. */
export interface UserRecord {
  id: number;
  /** The linked employee, 0 when none (reference §2.5). */
  employeeId: number;
  firstName: string;
  lastName: string;
  email: string;
  status: "enabled" | "disabled";
  lastLoginSec: number | null;
  access: AccessProfile;
}

export interface ListOption {
  id: number;
  name: string;
  archived: boolean;
  createdDate: string;
  archivedDate: string | null;
}

/** A list field as `meta/lists` reports it (departments, divisions, locations, ...). */
export interface ListField {
  fieldId: number | string;
  alias: string | null;
  name: string;
  manageable: boolean;
  multiple: boolean;
  options: ListOption[];
}

/** Company-wide switches an account administrator controls in BambooHR. */
export interface CompanySettings {
  /** `orgChartOnly` reduces the directory's fieldset; `disabled` answers it 403 (reference §2.1). */
  directory: "enabled" | "orgChartOnly" | "disabled";
  /** Webhooks are "not turned on for all clients"; off answers /v1/webhooks 403. */
  webhooksEnabled: boolean;
}
