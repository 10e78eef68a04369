import type { EventType } from "./event-types";

/** What receivers get as the body of every delivery (Standard Webhooks' recommended envelope). */
export interface EventBody {
  id: string;
  type: EventType;
  /** When the change happened (ISO 8601). */
  timestamp: string;
  organisation_id: string;
  data: Record<string, unknown>;
}

export interface ChangeLogRow {
  id: string;
  connection_id: string;
  entity: string;
  remote_id: string;
  change: "created" | "updated" | "deleted" | "restored";
  fields: string[] | null;
  created_at: Date;
  organisation_id: string;
  employee_id: string | null;
}

export interface OutboxRow {
  id: string;
  organisation_id: string;
  type: string;
  ordering_key: string;
  data: Record<string, unknown>;
  created_at: Date;
}

/** Event ids are stable per source row: a fan-out run again after a crash makes the same ones. */
export const changeEventId = (changeLogId: string) => `evt_cl_${changeLogId}`;
export const outboxEventId = (outboxId: string) => `evt_ob_${outboxId}`;

/** Columns the sync derives from others: a change to them is a change to their source field. */
const derivedColumns = /_(normalized|e164)$/;
/** Stored as the provider's id, published as Roster's (resolved after the sync). */
const renamedColumns: Record<string, string> = {
  manager_remote_id: "manager_id",
  department_remote_id: "department_id",
  location_remote_id: "location_id",
};

/** change_log's column names as the API's field names, without derived columns, in a stable order. */
export function changedFields(row: Pick<ChangeLogRow, "change" | "fields">): string[] {
  const names = new Set<string>();
  for (const column of row.fields ?? []) {
    if (derivedColumns.test(column)) continue;
    names.add(renamedColumns[column] ?? column);
  }
  if (row.change === "restored") names.add("remote_deleted_at");
  return [...names].sort();
}

const employeeEvent = {
  created: "employee.created",
  updated: "employee.updated",
  restored: "employee.updated",
  deleted: "employee.deleted",
} as const;

/**
 * The event of one change_log row, or null for changes no event covers (other entities, or a
 * person whose connection is gone). Thin on purpose: ids and what changed, never the person's
 * data; the receiver reads the current record from GET /api/v1/employees/{id}, so an event
 * delivered late never carries a stale copy.
 */
export function changeEvent(row: ChangeLogRow): { body: EventBody; orderingKey: string } | null {
  if (row.entity !== "employees" || row.employee_id === null) return null;
  const type = employeeEvent[row.change];
  const data: Record<string, unknown> = {
    id: row.employee_id,
    remote_id: row.remote_id,
    connection_id: row.connection_id,
  };
  if (type === "employee.updated") data.changed_fields = changedFields(row);
  return {
    body: {
      id: changeEventId(row.id),
      type,
      timestamp: row.created_at.toISOString(),
      organisation_id: row.organisation_id,
      data,
    },
    orderingKey: `employee:${row.employee_id}`,
  };
}

export function outboxEvent(row: OutboxRow): { body: EventBody; orderingKey: string } {
  return {
    body: {
      id: outboxEventId(row.id),
      type: row.type as EventType,
      timestamp: row.created_at.toISOString(),
      organisation_id: row.organisation_id,
      data: row.data,
    },
    orderingKey: row.ordering_key,
  };
}
