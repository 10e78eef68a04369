import { type FieldValue, type FieldView, fieldKey } from "../fields/catalog";
import { ALL_FIELDS } from "../fields/resolve";
import type { EmployeeRecord } from "../model/records";
import type { CompanyData } from "./company-data";

/** What one mutation did to one employee; webhooks and the admin API report it. */
export interface EmployeeChange {
  companyDomain: string;
  employeeId: number;
  type: "created" | "updated" | "deleted";
  /** Field keys (aliases, else ids) whose current value changed; empty for deletions. */
  changedFields: string[];
  /** Unix seconds. */
  atSec: number;
}

export type FieldSnapshot = Map<string, FieldValue>;

export function viewOf(company: CompanyData, today: string): FieldView {
  return { today, onlyCurrent: true, supervisorName: "lastFirst", employee: (id) => company.employee(id) };
}

/** Every field's current value, to diff before and after a write. */
export function snapshot(employee: EmployeeRecord, view: FieldView): FieldSnapshot {
  const values: FieldSnapshot = new Map();
  for (const field of ALL_FIELDS) {
    if (field.alias === "lastChanged") continue;
    values.set(fieldKey(field), field.value(employee, view));
  }
  return values;
}

export function changedKeys(before: FieldSnapshot, after: FieldSnapshot): string[] {
  const keys: string[] = [];
  for (const [key, value] of after) if (before.get(key) !== value) keys.push(key);
  return keys;
}

/** Fields a new employee has a value for: what the created → updated pair reports. */
export function filledKeys(values: FieldSnapshot): string[] {
  const keys: string[] = [];
  for (const [key, value] of values) if (value !== null && value !== "" && value !== false) keys.push(key);
  return keys;
}
