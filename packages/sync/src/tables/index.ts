import { type ModelName, normalizeEmail, normalizePhone } from "@roster/core";
import { commonColumns, type TableSpec } from "./table-spec";

export type {
  ColumnOf,
  ColumnSpec,
  ColumnType,
  ModelTables,
  ReferenceSpec,
  SyncedTable,
  TableInfo,
  TableSpec,
} from "./table-spec";

const employees: TableSpec<"employees"> = {
  model: "employees",
  table: "employees",
  columns: [
    ...commonColumns(),
    { column: "first_name", type: "text", field: "firstName", value: (r) => r.firstName },
    { column: "last_name", type: "text", field: "lastName", value: (r) => r.lastName },
    { column: "preferred_name", type: "text", field: "preferredName", value: (r) => r.preferredName },
    { column: "display_name", type: "text", field: "displayName", value: (r) => r.displayName },
    { column: "work_email", type: "text", field: "workEmail", value: (r) => r.workEmail },
    { column: "work_email_normalized", type: "text", field: "workEmail", value: (r) => normalizeEmail(r.workEmail) },
    { column: "personal_email", type: "text", field: "personalEmail", value: (r) => r.personalEmail },
    { column: "personal_email_normalized", type: "text", field: "personalEmail", value: (r) => normalizeEmail(r.personalEmail) },
    { column: "work_phone", type: "text", field: "workPhone", value: (r) => r.workPhone },
    { column: "work_phone_e164", type: "text", field: "workPhone", value: (r) => normalizePhone(r.workPhone) },
    { column: "personal_phone", type: "text", field: "personalPhone", value: (r) => r.personalPhone },
    { column: "personal_phone_e164", type: "text", field: "personalPhone", value: (r) => normalizePhone(r.personalPhone) },
    { column: "status", type: "text", field: "status", value: (r) => r.status },
    { column: "remote_status", type: "text", field: "remoteStatus", value: (r) => r.remoteStatus },
    { column: "employment_type", type: "text", field: "employmentType", value: (r) => r.employmentType },
    { column: "job_title", type: "text", field: "jobTitle", value: (r) => r.jobTitle },
    { column: "department_remote_id", type: "text", field: "departmentRemoteId", value: (r) => r.departmentRemoteId },
    { column: "location_remote_id", type: "text", field: "locationRemoteId", value: (r) => r.locationRemoteId },
    { column: "manager_remote_id", type: "text", field: "managerRemoteId", value: (r) => r.managerRemoteId },
    { column: "hire_date", type: "date", field: "hireDate", value: (r) => r.hireDate },
    { column: "start_date", type: "date", field: "startDate", value: (r) => r.startDate },
    { column: "termination_date", type: "date", field: "terminationDate", value: (r) => r.terminationDate },
  ],
  references: [
    { idColumn: "manager_id", remoteColumn: "manager_remote_id", targetTable: "employees" },
    { idColumn: "department_id", remoteColumn: "department_remote_id", targetTable: "departments" },
    { idColumn: "location_id", remoteColumn: "location_remote_id", targetTable: "locations" },
  ],
};

const companies: TableSpec<"companies"> = {
  model: "companies",
  table: "companies",
  columns: [
    ...commonColumns(),
    { column: "name", type: "text", field: "name", value: (r) => r.name },
    { column: "legal_name", type: "text", field: "legalName", value: (r) => r.legalName },
  ],
};

const departments: TableSpec<"departments"> = {
  model: "departments",
  table: "departments",
  columns: [
    ...commonColumns(),
    { column: "name", type: "text", field: "name", value: (r) => r.name },
    { column: "parent_remote_id", type: "text", field: "parentRemoteId", value: (r) => r.parentRemoteId },
  ],
};

const locations: TableSpec<"locations"> = {
  model: "locations",
  table: "locations",
  columns: [
    ...commonColumns(),
    { column: "name", type: "text", field: "name", value: (r) => r.name },
    { column: "street1", type: "text", field: "street1", value: (r) => r.street1 },
    { column: "street2", type: "text", field: "street2", value: (r) => r.street2 },
    { column: "city", type: "text", field: "city", value: (r) => r.city },
    { column: "state", type: "text", field: "state", value: (r) => r.state },
    { column: "postal_code", type: "text", field: "postalCode", value: (r) => r.postalCode },
    { column: "country", type: "text", field: "country", value: (r) => r.country },
    { column: "phone", type: "text", field: "phone", value: (r) => r.phone },
  ],
};

const employments: TableSpec<"employments"> = {
  model: "employments",
  table: "employments",
  columns: [
    ...commonColumns(),
    { column: "employee_remote_id", type: "text", field: "employeeRemoteId", value: (r) => r.employeeRemoteId },
    { column: "employment_type", type: "text", field: "employmentType", value: (r) => r.employmentType },
    { column: "start_date", type: "date", field: "startDate", value: (r) => r.startDate },
    { column: "termination_date", type: "date", field: "terminationDate", value: (r) => r.terminationDate },
    { column: "termination_type", type: "text", field: "terminationType", value: (r) => r.terminationType },
    { column: "is_active", type: "boolean", field: "isActive", value: (r) => r.isActive },
  ],
};

const customFields: TableSpec<"customFields"> = {
  model: "customFields",
  table: "custom_fields",
  columns: [
    ...commonColumns(),
    { column: "name", type: "text", field: "name", value: (r) => r.name },
    { column: "type", type: "text", field: "type", value: (r) => r.type },
    { column: "options", type: "jsonb", field: "options", value: (r) => (r.options === null ? null : JSON.stringify(r.options)) },
  ],
};

const customFieldValues: TableSpec<"customFieldValues"> = {
  model: "customFieldValues",
  table: "custom_field_values",
  columns: [
    ...commonColumns(),
    { column: "employee_remote_id", type: "text", field: "employeeRemoteId", value: (r) => r.employeeRemoteId },
    { column: "custom_field_remote_id", type: "text", field: "customFieldRemoteId", value: (r) => r.customFieldRemoteId },
    { column: "value", type: "jsonb", field: "value", value: (r) => JSON.stringify(r.value) },
  ],
};

const candidates: TableSpec<"candidates"> = {
  model: "candidates",
  table: "candidates",
  columns: [
    ...commonColumns(),
    { column: "first_name", type: "text", field: "firstName", value: (r) => r.firstName },
    { column: "last_name", type: "text", field: "lastName", value: (r) => r.lastName },
    { column: "display_name", type: "text", field: "displayName", value: (r) => r.displayName },
    { column: "email", type: "text", field: "email", value: (r) => r.email },
    { column: "phone", type: "text", field: "phone", value: (r) => r.phone },
    { column: "status", type: "text", field: "status", value: (r) => r.status },
    { column: "stage_id", type: "text", field: "stageId", value: (r) => r.stageId },
    { column: "stage_name", type: "text", field: "stageName", value: (r) => r.stageName },
    { column: "job_title", type: "text", field: "jobTitle", value: (r) => r.jobTitle },
    { column: "job_location", type: "text", field: "jobLocation", value: (r) => r.jobLocation },
    { column: "hired_at", type: "timestamptz", field: "hiredAt", value: (r) => r.hiredAt },
    { column: "archived_at", type: "timestamptz", field: "archivedAt", value: (r) => r.archivedAt },
  ],
};

/** One storage spec per unified model. */
export const tableSpecs: { [M in ModelName]: TableSpec<M> } = {
  companies,
  departments,
  locations,
  employees,
  employments,
  customFields,
  customFieldValues,
  candidates,
};
