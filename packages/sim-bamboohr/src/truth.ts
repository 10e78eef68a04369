import { rowsOf, type TableRow } from "./api/tables";
import { toTimestamp } from "./dates";
import { fieldKey } from "./fields/catalog";
import { isFutureHire } from "./fields/current";
import { ALL_FIELDS } from "./fields/resolve";
import { TABLES } from "./fields/tables";
import { compileAccess, FULL_ACCESS } from "./model/access";
import type { ListField } from "./model/records";
import { viewOf } from "./store/changes";
import type { CompanyData } from "./store/company-data";

/** One employee as a full-access custom report of every field would give it: strings or null. */
export type TruthEmployee = { id: string } & Record<string, string | null>;

/** The test oracle: what one company holds, read with full access on the simulator's "today". */
export interface BambooTruth {
  companyDomain: string;
  companyId: string;
  /** Every employee, active and inactive, ascending id; values keyed by alias (custom fields without one by id). */
  employees: TruthEmployee[];
  /** Who `employees/directory` lists (Active, hire date not in the future). */
  directoryIds: string[];
  /** Employees removed, as `employees/changed` reports them "Deleted". */
  deleted: { id: string; lastChanged: string }[];
  /** Every row of every history table (`employees/all/tables/{table}`). */
  tables: Record<string, TableRow[]>;
  lists: ListField[];
}

export interface TruthCounts {
  companyDomain: string;
  employees: number;
  active: number;
  inactive: number;
  directory: number;
  deleted: number;
}

export function buildTruth(company: CompanyData, today: string): BambooTruth {
  const view = viewOf(company, today);
  const access = compileAccess(FULL_ACCESS);
  const employees = company.employees.map((employee) => {
    const record: TruthEmployee = { id: String(employee.id) };
    for (const field of ALL_FIELDS) {
      if (!field.listed) continue;
      const value = field.value(employee, view);
      record[fieldKey(field)] = value === null ? null : String(value);
    }
    return record;
  });
  return {
    companyDomain: company.domain,
    companyId: company.companyId,
    employees,
    directoryIds: company.employees.filter((e) => e.status === "Active" && !isFutureHire(e, today)).map((e) => String(e.id)),
    deleted: company.deleted.map((d) => ({ id: String(d.id), lastChanged: toTimestamp(d.lastChangedSec) })),
    tables: Object.fromEntries(
      TABLES.map((table) => [table.alias, company.employees.flatMap((e) => rowsOf(table, e, access, view))]),
    ),
    lists: structuredClone(company.lists),
  };
}

export function truthCounts(company: CompanyData, today: string): TruthCounts {
  let active = 0;
  let directory = 0;
  for (const e of company.employees) {
    if (e.status !== "Active") continue;
    active++;
    if (!isFutureHire(e, today)) directory++;
  }
  return {
    companyDomain: company.domain,
    employees: company.employees.length,
    active,
    inactive: company.employees.length - active,
    directory,
    deleted: company.deleted.length,
  };
}
