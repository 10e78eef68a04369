import { isIsoDay, ZERO_DATE } from "../dates";
import { fieldKey } from "../fields/catalog";
import { CUSTOM_FIELDS } from "../fields/custom-fields";
import { resolveField } from "../fields/resolve";
import type { EmployeeRecord } from "../model/records";
import { activeOptionNames } from "../seed/lists";
import { GENDERS, MARITAL_STATUSES } from "../seed/vocabulary";
import type { CompanyData } from "./company-data";

/**
 * Field writes for `POST /v1/employees[/{id}]` and the admin routes. Every
 * value is checked before anything changes, so a refused write loses nothing.
 */
export type WriteValues = Record<string, unknown>;

export class WriteError extends Error {
  /** 400: unknown, read-only or not text; 409: a value the field does not accept (reference §7.1). */
  constructor(
    readonly status: 400 | 409,
    message: string,
  ) {
    super(message);
  }
}

type TextKey =
  | "firstName"
  | "lastName"
  | "middleName"
  | "preferredName"
  | "workEmail"
  | "homeEmail"
  | "workPhone"
  | "workPhoneExtension"
  | "mobilePhone"
  | "homePhone"
  | "address1"
  | "address2"
  | "city"
  | "state"
  | "zipcode"
  | "country"
  | "ssn"
  | "linkedIn"
  | "employeeNumber"
  | "pronouns"
  | "gender"
  | "maritalStatus"
  | "hireDate"
  | "originalHireDate"
  | "dateOfBirth"
  | "status";

const TEXT: readonly TextKey[] = [
  "firstName",
  "lastName",
  "middleName",
  "preferredName",
  "workEmail",
  "homeEmail",
  "workPhone",
  "workPhoneExtension",
  "mobilePhone",
  "homePhone",
  "address1",
  "address2",
  "city",
  "state",
  "zipcode",
  "country",
  "ssn",
  "linkedIn",
  "employeeNumber",
];
const DATES: readonly TextKey[] = ["hireDate", "originalHireDate", "dateOfBirth"];
export const JOB_FIELDS = ["jobTitle", "department", "division", "location"] as const;
export type JobField = (typeof JOB_FIELDS)[number];

/** Checked, canonical writes: record fields, jobInfo fields and custom values. */
export interface PlannedWrite {
  record: Partial<Record<TextKey, string | null>>;
  job: Partial<Record<JobField, string | null>>;
  custom: Record<string, string | null>;
}

const CHOICES: Partial<Record<TextKey, ReadonlySet<string>>> = {
  gender: new Set(GENDERS),
  maritalStatus: new Set(MARITAL_STATUSES),
  status: new Set(["Active", "Inactive"]),
};

function checkChoice(company: CompanyData, alias: string, value: string): void {
  const options = activeOptionNames(company.lists, alias);
  if (options && !options.has(value)) {
    throw new WriteError(409, `"${value}" is not an option of ${alias}; use a name from meta/lists`);
  }
}

function checkDate(alias: string, value: string): void {
  if (value !== ZERO_DATE && value !== "" && !isIsoDay(value)) {
    throw new WriteError(409, `${alias} must be a date YYYY-MM-DD (got "${value}")`);
  }
}

/** Validates `values` (keys are field aliases or ids) into a plan, or throws WriteError. */
export function planWrite(company: CompanyData, values: WriteValues): PlannedWrite {
  const plan: PlannedWrite = { record: {}, job: {}, custom: {} };
  for (const [name, raw] of Object.entries(values)) {
    if (raw !== null && typeof raw !== "string" && typeof raw !== "number") {
      throw new WriteError(400, `${name} must be a string or null`);
    }
    const value = raw === null ? null : String(raw);
    const field = resolveField(name);
    if (!field) throw new WriteError(400, `Unknown field "${name}"`);
    const key = fieldKey(field);
    if (CUSTOM_FIELDS.includes(field)) {
      if (value !== null && field.type === "list") checkChoice(company, key, value);
      if (value !== null && field.type === "date") checkDate(key, value);
      plan.custom[String(field.id)] = value;
    } else if ((JOB_FIELDS as readonly string[]).includes(key)) {
      if (value !== null && value !== "") checkChoice(company, key, value);
      plan.job[key as JobField] = value;
    } else if ((TEXT as readonly string[]).includes(key) || key === "pronouns" || key in CHOICES) {
      if (value !== null && key === "pronouns") checkChoice(company, key, value);
      const choices = CHOICES[key as TextKey];
      if (value !== null && choices && !choices.has(value)) {
        throw new WriteError(409, `"${value}" is not a valid ${key}; one of ${[...choices].join(", ")}`);
      }
      plan.record[key as TextKey] = value;
    } else if ((DATES as readonly string[]).includes(key)) {
      if (value !== null) checkDate(key, value);
      plan.record[key as TextKey] = value;
    } else {
      throw new WriteError(400, `Field "${name}" is read-only`);
    }
  }
  for (const required of ["firstName", "lastName"] as const) {
    if (required in plan.record && !plan.record[required]) throw new WriteError(400, `${required} cannot be empty`);
  }
  return plan;
}

/** Applies a checked plan's record and custom values (job fields are the caller's: they make a jobInfo row). */
export function applyRecordWrites(employee: EmployeeRecord, plan: PlannedWrite): void {
  for (const [key, value] of Object.entries(plan.record) as [TextKey, string | null][]) {
    if (key === "status") employee.status = value === "Inactive" ? "Inactive" : "Active";
    else if (key === "hireDate" || key === "originalHireDate") employee[key] = value ?? ZERO_DATE;
    else if (key === "employeeNumber") employee.employeeNumber = value ?? "";
    // planWrite refuses empty names, so null never reaches these two.
    else if (key === "firstName" || key === "lastName") employee[key] = value ?? employee[key];
    else employee[key] = value;
  }
  if (Object.keys(plan.custom).length > 0) employee.custom = { ...employee.custom, ...plan.custom };
}
