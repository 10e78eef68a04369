import { toTimestamp, ZERO_DATE } from "../dates";
import type { FieldGroup } from "../model/access";
import type { EmployeeRecord } from "../model/records";
import { type AsOf, currentCompensation, currentEmploymentStatus, currentJobInfo } from "./current";

export type FieldValue = string | number | boolean | null;

/** What a field needs besides the employee: other employees (supervisor) and the date it is read at. */
export interface FieldView extends AsOf {
  employee(id: number): EmployeeRecord | undefined;
  /** The directory writes names "First Last"; reports and single employees "Last, First" (reference §2.3). */
  supervisorName: "firstLast" | "lastFirst";
}

export interface FieldDef {
  /** The id `meta/fields` reports; custom fields are requested by it too. */
  id: number | string;
  /** The API name (field list's alias); null for custom fields known by id only. */
  alias: string | null;
  name: string;
  type: string;
  group: FieldGroup | null;
  /** Listed by `meta/fields` (photo fields are directory extras). */
  listed: boolean;
  value(employee: EmployeeRecord, view: FieldView): FieldValue;
}

/** The key a field is requested, hidden and rendered by: its alias, else its id. */
export const fieldKey = (field: FieldDef): string => field.alias ?? String(field.id);

const displayName = (e: EmployeeRecord) => `${e.preferredName || e.firstName} ${e.lastName}`;

function supervisorOf(e: EmployeeRecord, view: FieldView): EmployeeRecord | null {
  const reportsTo = currentJobInfo(e, view)?.reportsTo ?? null;
  return reportsTo === null ? null : (view.employee(reportsTo) ?? null);
}

function terminationDate(e: EmployeeRecord, view: FieldView): string | null {
  const current = currentEmploymentStatus(e, view);
  if (current?.employmentStatus === "Terminated") return current.date;
  // A rehire's old termination is cleared to the zero date rather than removed.
  return e.employmentStatus.some((row) => row.employmentStatus === "Terminated") ? ZERO_DATE : null;
}

type Getter = FieldDef["value"];
const plain =
  (key: keyof EmployeeRecord): Getter =>
  (e) =>
    e[key] as FieldValue;

function standard(id: number, alias: string, name: string, type: string, group: FieldGroup | null, value: Getter): FieldDef {
  return { id, alias, name, type, group, listed: true, value };
}

/** The standard fields the simulator serves (official field list, reference §2.3). */
export const STANDARD_FIELDS: readonly FieldDef[] = [
  standard(1, "firstName", "First name", "text", null, plain("firstName")),
  standard(2, "lastName", "Last name", "text", null, plain("lastName")),
  standard(3, "middleName", "Middle name", "text", null, plain("middleName")),
  standard(4, "preferredName", "Preferred name", "text", null, plain("preferredName")),
  standard(5, "displayName", "Display name", "text", null, displayName),
  standard(6, "fullName1", "Full name 1", "text", null, (e) => `${e.firstName} ${e.lastName}`),
  standard(7, "fullName2", "Full name 2", "text", null, (e) => `${e.lastName}, ${e.firstName}`),
  standard(8, "employeeNumber", "Employee #", "employee_number", null, plain("employeeNumber")),
  standard(9, "status", "Status", "status", null, plain("status")),
  standard(10, "workEmail", "Work Email", "email", "workContact", plain("workEmail")),
  standard(11, "homeEmail", "Home Email", "email", "personalContact", plain("homeEmail")),
  standard(12, "bestEmail", "Email", "email", "workContact", (e) => e.workEmail || e.homeEmail || null),
  standard(13, "workPhone", "Work Phone", "phone", "workContact", plain("workPhone")),
  standard(14, "workPhoneExtension", "Work Ext.", "text", "workContact", plain("workPhoneExtension")),
  standard(15, "workPhonePlusExtension", "Work Phone plus extension", "text", "workContact", (e) =>
    e.workPhone ? `${e.workPhone}${e.workPhoneExtension ? ` x${e.workPhoneExtension}` : ""}` : null,
  ),
  standard(16, "mobilePhone", "Mobile Phone", "phone", "personalContact", plain("mobilePhone")),
  standard(17, "homePhone", "Home Phone", "phone", "personalContact", plain("homePhone")),
  standard(18, "address1", "Address Line 1", "text", "personalContact", plain("address1")),
  standard(19, "address2", "Address Line 2", "text", "personalContact", plain("address2")),
  standard(20, "city", "City", "text", "personalContact", plain("city")),
  standard(21, "state", "State", "state", "personalContact", plain("state")),
  standard(22, "zipcode", "Zip Code", "text", "personalContact", plain("zipcode")),
  standard(23, "country", "Country", "country", "personalContact", plain("country")),
  standard(24, "jobTitle", "Job Title", "list", "jobInfo", (e, v) => currentJobInfo(e, v)?.jobTitle ?? null),
  standard(25, "department", "Department", "list", "jobInfo", (e, v) => currentJobInfo(e, v)?.department ?? null),
  standard(26, "division", "Division", "list", "jobInfo", (e, v) => currentJobInfo(e, v)?.division ?? null),
  standard(27, "location", "Location", "list", "jobInfo", (e, v) => currentJobInfo(e, v)?.location ?? null),
  standard(28, "supervisor", "Supervisor", "text", "supervisor", (e, v) => {
    const boss = supervisorOf(e, v);
    if (!boss) return null;
    return v.supervisorName === "firstLast" ? `${boss.firstName} ${boss.lastName}` : `${boss.lastName}, ${boss.firstName}`;
  }),
  standard(29, "supervisorEId", "Supervisor EID", "int", "supervisor", (e, v) => {
    const boss = supervisorOf(e, v);
    return boss ? String(boss.id) : null;
  }),
  // The supervisor's employee *number*, not their id (reference §2.3).
  standard(30, "supervisorId", "Supervisor ID", "text", "supervisor", (e, v) => supervisorOf(e, v)?.employeeNumber ?? null),
  standard(31, "supervisorEmail", "Supervisor email", "email", "supervisor", (e, v) => supervisorOf(e, v)?.workEmail ?? null),
  standard(32, "employmentHistoryStatus", "Employment Status", "list", "employmentStatus", (e, v) => {
    return currentEmploymentStatus(e, v)?.employmentStatus ?? null;
  }),
  standard(33, "hireDate", "Hire Date", "date", null, plain("hireDate")),
  standard(34, "originalHireDate", "Original Hire Date", "date", null, plain("originalHireDate")),
  standard(35, "terminationDate", "Termination Date", "date", "employmentStatus", terminationDate),
  standard(36, "lastChanged", "Last changed", "timestamp", null, (e) => toTimestamp(e.lastChangedSec)),
  standard(37, "payRate", "Pay rate", "currency", "compensation", (e, v) => {
    const row = currentCompensation(e, v);
    return row ? `${row.rate} ${row.currency}` : null;
  }),
  standard(38, "payType", "Pay type", "pay_type", "compensation", (e, v) => currentCompensation(e, v)?.type ?? null),
  standard(39, "payPer", "Pay per", "list", "compensation", (e, v) => currentCompensation(e, v)?.paidPer ?? null),
  standard(40, "exempt", "FLSA Code", "list", "compensation", (e, v) => currentCompensation(e, v)?.exempt ?? null),
  standard(41, "paySchedule", "Pay schedule", "list", "compensation", (e, v) => currentCompensation(e, v)?.paySchedule ?? null),
  standard(42, "dateOfBirth", "Birth Date", "date", "sensitive", plain("dateOfBirth")),
  standard(43, "gender", "Gender", "gender", "sensitive", plain("gender")),
  standard(44, "maritalStatus", "Marital Status", "marital_status", "sensitive", plain("maritalStatus")),
  standard(45, "ssn", "SSN", "ssn", "sensitive", plain("ssn")),
  standard(46, "linkedIn", "LinkedIn URL", "text", null, plain("linkedIn")),
  standard(47, "pronouns", "Pronouns", "list", null, plain("pronouns")),
  {
    id: 48,
    alias: "photoUploaded",
    name: "Photo uploaded",
    type: "bool",
    group: null,
    listed: false,
    value: plain("photoUploaded"),
  },
  {
    id: 49,
    alias: "photoUrl",
    name: "Photo URL",
    type: "url",
    group: null,
    listed: false,
    value: (e) => (e.photoUploaded ? `https://images.bamboohr.example/photos/${e.id}.jpg` : null),
  },
  { id: 50, alias: "canUploadPhoto", name: "Can upload photo", type: "int", group: null, listed: false, value: () => 1 },
];
