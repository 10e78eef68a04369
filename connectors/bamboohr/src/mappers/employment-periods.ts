import { type RawStatusRow, rawStatusRow } from "../raw";
import { dateOrNull } from "./fields";

/**
 * One employment: the employmentStatus rows (reference §3.3) from a hire up to and including the
 * termination that ends it. A rehire starts a new period after a "Terminated" row.
 */
export interface EmploymentPeriod {
  employeeId: string;
  /** Oldest first. */
  rows: RawStatusRow[];
}

const TERMINATED = "terminated";

export const isTermination = (row: RawStatusRow) =>
  typeof row.employmentStatus === "string" && row.employmentStatus.trim().toLowerCase() === TERMINATED;

/** Rows by effective date, then row id: BambooHR returns them unsorted (§3.3). Blank dates first. */
function byDateThenId(a: RawStatusRow, b: RawStatusRow): number {
  const da = dateOrNull(a.date) ?? "";
  const db = dateOrNull(b.date) ?? "";
  if (da !== db) return da < db ? -1 : 1;
  return Number(a.id) - Number(b.id) || a.id.localeCompare(b.id);
}

/**
 * Groups table rows into periods per employee, employees by ascending id. Rows of an unreadable
 * shape are dropped (they carry no usable date or status). A "Terminated" row with nothing open
 * before it still makes a period: BambooHR recorded an end, so Roster shows one.
 */
export function employmentPeriods(rows: readonly unknown[]): EmploymentPeriod[] {
  const byEmployee = new Map<string, RawStatusRow[]>();
  for (const input of rows) {
    const parsed = rawStatusRow.safeParse(input);
    if (!parsed.success) continue;
    const list = byEmployee.get(parsed.data.employeeId) ?? [];
    list.push(parsed.data);
    byEmployee.set(parsed.data.employeeId, list);
  }
  const employees = [...byEmployee.keys()].sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));
  const periods: EmploymentPeriod[] = [];
  for (const employeeId of employees) {
    let open: RawStatusRow[] = [];
    for (const row of byEmployee.get(employeeId)!.sort(byDateThenId)) {
      open.push(row);
      if (isTermination(row)) {
        periods.push({ employeeId, rows: open });
        open = [];
      }
    }
    if (open.length > 0) periods.push({ employeeId, rows: open });
  }
  return periods;
}

/** Stable while the period's first row stays: the employee and that row's id. */
export function periodRemoteId(period: EmploymentPeriod): string {
  return `${period.employeeId}:${period.rows[0]?.id ?? "none"}`;
}
