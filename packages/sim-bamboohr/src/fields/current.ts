import type { CompensationRow, EmployeeRecord, EmploymentStatusRow, JobInfoRow } from "../model/records";

/**
 * History tables are effective-dated: a field's current value is the row with
 * the latest date on or before today. `onlyCurrent=false` asks for the latest
 * row whatever its date, so future-dated changes show (reference §2.2).
 */
export interface AsOf {
  today: string;
  onlyCurrent: boolean;
}

function pick<Row extends { id: number }>(rows: readonly Row[], dateOf: (row: Row) => string, asOf: AsOf): Row | null {
  let best: Row | null = null;
  let bestDate = "";
  for (const row of rows) {
    const date = dateOf(row);
    if (asOf.onlyCurrent && date > asOf.today) continue;
    if (best === null || date > bestDate || (date === bestDate && row.id > best.id)) {
      best = row;
      bestDate = date;
    }
  }
  return best;
}

export const currentJobInfo = (employee: EmployeeRecord, asOf: AsOf): JobInfoRow | null =>
  pick(employee.jobInfo, (row) => row.date, asOf);

export const currentEmploymentStatus = (employee: EmployeeRecord, asOf: AsOf): EmploymentStatusRow | null =>
  pick(employee.employmentStatus, (row) => row.date, asOf);

export const currentCompensation = (employee: EmployeeRecord, asOf: AsOf): CompensationRow | null =>
  pick(employee.compensation, (row) => row.startDate, asOf);

/** A hire date after today: such people join the directory only with `onlyCurrent=false`. */
export function isFutureHire(employee: EmployeeRecord, today: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(employee.hireDate) && employee.hireDate !== "0000-00-00" && employee.hireDate > today;
}
