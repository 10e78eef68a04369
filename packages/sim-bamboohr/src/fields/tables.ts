import type { FieldGroup } from "../model/access";
import type { EmployeeRecord } from "../model/records";
import type { FieldValue, FieldView } from "./catalog";

/**
 * The history tables `employees/{id}/tables/{table}` serves. Column aliases
 * follow the reference's "typical columns" (§3.3, secondary sources); read
 * `meta/tables` for the authoritative list the simulator serves.
 */
export interface TableColumn<Row> {
  id: number;
  alias: string;
  name: string;
  type: string;
  group: FieldGroup | null;
  value(row: Row, view: FieldView): FieldValue;
}

export interface TableDef<Row extends { id: number } = { id: number }> {
  alias: string;
  rows(employee: EmployeeRecord): readonly Row[];
  columns: readonly TableColumn<Row>[];
}

function column<Row>(
  id: number,
  alias: string,
  name: string,
  type: string,
  group: FieldGroup | null,
  value: TableColumn<Row>["value"],
) {
  return { id, alias, name, type, group, value };
}

type JobRow = EmployeeRecord["jobInfo"][number];
type StatusRow = EmployeeRecord["employmentStatus"][number];
type PayRow = EmployeeRecord["compensation"][number];

const jobInfo: TableDef<JobRow> = {
  alias: "jobInfo",
  rows: (e) => e.jobInfo,
  columns: [
    column<JobRow>(4047, "date", "Effective Date", "date", "jobInfo", (r) => r.date),
    column<JobRow>(4048, "location", "Location", "list", "jobInfo", (r) => r.location),
    column<JobRow>(4049, "department", "Department", "list", "jobInfo", (r) => r.department),
    column<JobRow>(4050, "division", "Division", "list", "jobInfo", (r) => r.division),
    column<JobRow>(4051, "jobTitle", "Job Title", "list", "jobInfo", (r) => r.jobTitle),
    // A name, "First Last", as the job information table shows it; no id.
    column<JobRow>(4052, "reportsTo", "Reports To", "employee", "supervisor", (r, view) => {
      if (r.reportsTo === null) return null;
      const boss = view.employee(r.reportsTo);
      return boss ? `${boss.firstName} ${boss.lastName}` : null;
    }),
  ],
};

const employmentStatus: TableDef<StatusRow> = {
  alias: "employmentStatus",
  rows: (e) => e.employmentStatus,
  columns: [
    column<StatusRow>(4060, "date", "Effective Date", "date", "employmentStatus", (r) => r.date),
    column<StatusRow>(4061, "employmentStatus", "Employment Status", "list", "employmentStatus", (r) => r.employmentStatus),
    column<StatusRow>(4062, "comment", "Comment", "textarea", "employmentStatus", (r) => r.comment),
    column<StatusRow>(
      4063,
      "terminationReasonId",
      "Termination Reason",
      "list",
      "employmentStatus",
      (r) => r.terminationReasonId,
    ),
    column<StatusRow>(4064, "terminationTypeId", "Termination Type", "list", "employmentStatus", (r) => r.terminationTypeId),
  ],
};

const compensation: TableDef<PayRow> = {
  alias: "compensation",
  rows: (e) => e.compensation,
  columns: [
    column<PayRow>(4070, "startDate", "Effective Date", "date", "compensation", (r) => r.startDate),
    column<PayRow>(4071, "rate", "Pay rate", "currency", "compensation", (r) => `${r.rate} ${r.currency}`),
    column<PayRow>(4072, "type", "Pay type", "list", "compensation", (r) => r.type),
    column<PayRow>(4073, "exempt", "Overtime Status", "list", "compensation", (r) => r.exempt),
    column<PayRow>(4074, "reason", "Change Reason", "list", "compensation", (r) => r.reason),
    column<PayRow>(4075, "comment", "Comment", "textarea", "compensation", (r) => r.comment),
    column<PayRow>(4076, "paidPer", "Pay per", "list", "compensation", (r) => r.paidPer),
    column<PayRow>(4077, "paySchedule", "Pay schedule", "list", "compensation", (r) => r.paySchedule),
  ],
};

export const TABLES: readonly TableDef[] = [jobInfo, employmentStatus, compensation];

export function findTable(alias: string): TableDef | undefined {
  return TABLES.find((table) => table.alias === alias);
}
