import type { ModuleData } from "../modules/records";

/**
 * Internal record shapes. Kept flat and small (ids instead of nested refs) so a
 * 100k-person company stays cheap; the API shapes are built on demand by
 * src/render.
 */
export type PersonStatus = "active" | "terminated" | "leave_of_absence" | "requested" | "setup" | "deleted";

export interface CompanyRecord {
  id: string;
  name: string;
  legalName: string;
  ein: string;
  legalStreet1: string;
  legalStreet2: string | null;
  legalCity: string;
  legalState: string;
  legalZip: string;
}

export interface DepartmentRecord {
  id: string;
  companyId: string;
  name: string;
}

export interface LocationRecord {
  id: string;
  companyId: string;
  name: string;
  street1: string;
  street2: string | null;
  city: string;
  state: string | null;
  zip: string;
  country: string;
  phone: string | null;
}

export interface PersonRecord {
  id: string;
  companyId: string;
  firstName: string;
  middleName: string | null;
  lastName: string;
  preferredName: string | null;
  pronoun: string | null;
  title: string | null;
  status: PersonStatus | null;
  type: "regular" | "admin";
  employeeNumber: string | null;
  workEmail: string | null;
  personalEmail: string | null;
  workPhone: string | null;
  personalPhone: string | null;
  gender: "F" | "M" | "";
  dateOfBirth: string | null;
  street1: string | null;
  street2: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  country: string | null;
  isAdmin: boolean;
  isFullAdmin: boolean;
  departmentId: string | null;
  locationId: string | null;
  managerId: string | null;
}

export interface EmploymentRecord {
  id: string;
  personId: string;
  hireDate: string;
  terminationDate: string | null;
  terminationType: string | null;
  employmentType: string;
  compType: "salary" | "hourly";
  annualSalary: string | null;
  payRate: string | null;
  hoursPerWeek: string;
  isActive: boolean;
  isFlsaExempt: "true" | "false";
}

export type CustomFieldType = "text" | "number" | "date" | "select" | "boolean";

export interface CustomFieldRecord {
  id: string;
  companyId: string;
  name: string;
  type: CustomFieldType;
  /** For `select` fields the allowed options, also published in help_text. */
  options: readonly string[] | null;
  helpText: string;
  isSensitive: boolean;
  isRequired: boolean;
}

export interface CustomFieldValueRecord {
  id: string;
  customFieldId: string;
  personId: string;
  value: string | boolean | null;
}

/** Everything one company owns; every array is sorted by ascending numeric id. */
export interface CompanyData {
  /** Position among the simulator's companies (module ids take a range per company). */
  index: number;
  company: CompanyRecord;
  clientSecret: string;
  /** The admin-only account that "created" the tokens; /core/me.person points to it. */
  ownerPersonId: string;
  /** The single top of the org chart (active, no manager, has reports). */
  rootPersonId: string;
  people: PersonRecord[];
  departments: DepartmentRecord[];
  locations: LocationRecord[];
  employments: EmploymentRecord[];
  customFields: CustomFieldRecord[];
  customFieldValues: CustomFieldValueRecord[];
  /** E-mail local parts already used (work e-mails stay unique after mutations). */
  emailLocals: Map<string, number>;
  /** Company e-mail domain, e.g. "acmerobotics.example". */
  domain: string;
  /** Bumped by every mutation so derived indexes can be rebuilt lazily. */
  version: number;
  /** Seed of the module data (labor groups, time off, payroll, ...), built on first read by `modulesOf`. */
  moduleSeed: number;
  modules?: ModuleData;
}

/** Next free id per collection; shared by all companies so ids never collide. */
export interface IdCounters {
  company: number;
  person: number;
  department: number;
  location: number;
  employment: number;
  customField: number;
  customFieldValue: number;
}

export interface Dataset {
  seed: number;
  companies: CompanyData[];
  ids: IdCounters;
  /** How many mutation batches ran; feeds the mutation PRNG for determinism. */
  mutationCount: number;
}
