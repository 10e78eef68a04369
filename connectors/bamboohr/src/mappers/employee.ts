import type { Employee, Mapped } from "@roster/core";
import { rawEmployeeRow } from "../raw";
import { employmentTypeOf, mapEmployeeStatus, remoteStatusOf } from "./employee-status";
import { dateOrNull, failure, instantOrNull, parseRecord, textOrNull, verbatimOrNull } from "./fields";
import { findOption, type ListIndex, optionsOf } from "./lists";

/** A report row with the company's lists, which turn department and location names into ids. */
export interface EmployeeRaw {
  row: unknown;
  lists: ListIndex;
}

/**
 * One custom-report row (reference §2.4) → Employee. A field the key cannot read is left out of
 * the row and maps to null; the employees stream declares which permission feeds it, so the sync
 * keeps what it stored instead. A readable field that is empty ("", "0000-00-00") is null.
 * Dates sit on the person in BambooHR: hire date = original hire date (a rehire's first), start
 * date = the latest hire date, termination date as BambooHR reports it.
 */
export function mapEmployee(input: EmployeeRaw): Mapped<Employee> {
  const parsed = parseRecord(rawEmployeeRow, input.row, "employee");
  if (!parsed.ok) return parsed.failure;
  const raw = parsed.raw;
  const remoteId = raw.id;

  const dates: Record<"hireDate" | "originalHireDate" | "terminationDate", string | null> = {
    hireDate: null,
    originalHireDate: null,
    terminationDate: null,
  };
  for (const field of Object.keys(dates) as (keyof typeof dates)[]) {
    const date = dateOrNull(raw[field]);
    if (date === undefined) return failure(remoteId, `Field "${field}" is not a YYYY-MM-DD date: ${JSON.stringify(raw[field])}`);
    dates[field] = date;
  }

  const firstName = textOrNull(raw.firstName);
  const lastName = textOrNull(raw.lastName);
  const preferredName = textOrNull(raw.preferredName);
  const status = textOrNull(raw.status);
  const history = textOrNull(raw.employmentHistoryStatus);
  return {
    ok: true,
    value: {
      remoteId,
      remoteData: input.row,
      remoteUpdatedAt: instantOrNull(raw.lastChanged),
      firstName,
      lastName,
      preferredName,
      displayName: displayNameOf(preferredName, firstName, lastName, remoteId),
      workEmail: verbatimOrNull(raw.workEmail),
      personalEmail: verbatimOrNull(raw.homeEmail),
      workPhone: verbatimOrNull(raw.workPhone),
      personalPhone: verbatimOrNull(raw.mobilePhone) ?? verbatimOrNull(raw.homePhone),
      status: mapEmployeeStatus(status, history),
      remoteStatus: remoteStatusOf(status, history),
      employmentType: employmentTypeOf(history),
      jobTitle: textOrNull(raw.jobTitle),
      departmentRemoteId: findOption(optionsOf(input.lists, "department"), textOrNull(raw.department))?.id ?? null,
      locationRemoteId: findOption(optionsOf(input.lists, "location"), textOrNull(raw.location))?.id ?? null,
      // supervisorEId is the supervisor's employee id; supervisorId is their employee *number*
      // (reference §2.3), which would link people to the wrong manager.
      managerRemoteId: textOrNull(raw.supervisorEId),
      hireDate: dates.originalHireDate ?? dates.hireDate,
      startDate: dates.hireDate,
      terminationDate: dates.terminationDate,
    },
  };
}

/**
 * The name people go by (preferred, else first) with the last name, else "Employee <id>". It
 * uses names only, which every user who can see an employee can read, so it never depends on a
 * permission the key may lose.
 */
export function displayNameOf(
  preferredName: string | null,
  firstName: string | null,
  lastName: string | null,
  remoteId: string,
): string {
  const name = [preferredName ?? firstName, lastName].filter((part) => part !== null).join(" ");
  return name.trim() || `Employee ${remoteId}`;
}
