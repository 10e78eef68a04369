import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** Dates are ISO `YYYY-MM-DD` strings end to end (pg type parser set in client.ts). */
type IsoDate = string;

interface SyncedRecord {
  id: Generated<string>;
  organisation_id: string;
  connection_id: string;
  remote_id: string;
  remote_data: ColumnType<unknown, string, string>;
  remote_updated_at: Date | null;
  remote_deleted_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CompaniesTable extends SyncedRecord {
  name: string;
  legal_name: string | null;
}

export interface DepartmentsTable extends SyncedRecord {
  name: string;
  parent_remote_id: string | null;
}

export interface LocationsTable extends SyncedRecord {
  name: string;
  street1: string | null;
  street2: string | null;
  city: string | null;
  state: string | null;
  postal_code: string | null;
  country: string | null;
  phone: string | null;
}

export type EmployeeStatus = "active" | "inactive" | "leave" | "pending" | "terminated";

export interface EmployeesTable extends SyncedRecord {
  first_name: string | null;
  last_name: string | null;
  preferred_name: string | null;
  display_name: string;
  work_email: string | null;
  work_email_normalized: string | null;
  personal_email: string | null;
  personal_email_normalized: string | null;
  work_phone: string | null;
  work_phone_e164: string | null;
  personal_phone: string | null;
  personal_phone_e164: string | null;
  /** Null when unknown (the token may not read it). */
  status: EmployeeStatus | null;
  remote_status: string | null;
  employment_type: string | null;
  job_title: string | null;
  department_remote_id: string | null;
  location_remote_id: string | null;
  manager_remote_id: string | null;
  hire_date: IsoDate | null;
  start_date: IsoDate | null;
  termination_date: IsoDate | null;
  department_id: string | null;
  location_id: string | null;
  manager_id: string | null;
  search_text: ColumnType<string, never, never>;
}

/**
 * What a search reads of each person, kept in step with employees by triggers (never written
 * directly): narrow rows, so a search's matches are rechecked on few pages.
 */
export interface EmployeeSearchTable {
  employee_id: ColumnType<string, never, never>;
  organisation_id: ColumnType<string, never, never>;
  display_name: ColumnType<string, never, never>;
  search_text: ColumnType<string, never, never>;
}

export interface EmploymentsTable extends SyncedRecord {
  employee_remote_id: string;
  employment_type: string | null;
  start_date: IsoDate | null;
  termination_date: IsoDate | null;
  termination_type: string | null;
  is_active: boolean | null;
}

export interface CustomFieldsTable extends SyncedRecord {
  name: string;
  type: string;
  options: ColumnType<string[] | null, string | null, string | null>;
}

export interface CustomFieldValuesTable extends SyncedRecord {
  employee_remote_id: string;
  custom_field_remote_id: string;
  value: ColumnType<unknown, string | null, string | null>;
}

export type CandidateStatus = "active" | "offer" | "hired" | "archived";

export interface CandidatesTable extends SyncedRecord {
  first_name: string | null;
  last_name: string | null;
  display_name: string;
  email: string | null;
  phone: string | null;
  status: CandidateStatus;
  stage_id: string | null;
  stage_name: string | null;
  job_title: string | null;
  job_location: string | null;
  hired_at: Date | null;
  archived_at: Date | null;
}
