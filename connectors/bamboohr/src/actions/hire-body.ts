import type { Hire } from "@roster/core";
import { findOption, hasList, type ListIndex, optionsOf } from "../mappers/lists";

export interface HireBody {
  /** The `POST /v1/employees` body: field aliases to values (reference §7.1). */
  fields: Record<string, string>;
  /** What the hire carried that BambooHR will not get, in people's words. */
  leftOut: string[];
}

/**
 * A list field's value must be one of the list's current options (409 otherwise, §7.1), so
 * a value is sent as BambooHR spells the option it matches, or left out. A list the company does
 * not have in `meta/lists` is taken as free text.
 */
function listValue(lists: ListIndex, alias: string, label: string, value: string | null, body: HireBody): void {
  if (value === null) return;
  if (!hasList(lists, alias)) {
    body.fields[alias] = value;
    return;
  }
  const option = findOption(optionsOf(lists, alias), value);
  if (option && !option.archived) body.fields[alias] = option.name;
  else body.leftOut.push(`${label} "${value}" (not an option of BambooHR's ${label} list)`);
}

/**
 * A unified hire → the new employee's fields. The candidate's email is their own address, so it
 * is the Home Email: the Work Email is the company's to give (and other systems provision
 * accounts from it). Reports To, employment status and pay live in history tables that an
 * employee create does not take (§3.3, §7.1), so they are named as left out.
 */
export function hireBody(hire: Hire, lists: ListIndex): HireBody {
  const body: HireBody = { fields: { firstName: hire.firstName, lastName: hire.lastName, homeEmail: hire.email }, leftOut: [] };
  if (hire.startDate) body.fields.hireDate = hire.startDate;
  if (hire.phone) body.fields.mobilePhone = hire.phone;
  listValue(lists, "jobTitle", "Job Title", hire.jobTitle, body);
  listValue(lists, "department", "Department", hire.department, body);
  listValue(lists, "location", "Location", hire.workLocation, body);
  if (hire.manager) body.leftOut.push(`Reports To (${hire.manager.name ?? hire.manager.email})`);
  if (hire.employmentType) body.leftOut.push(`Employment Status (${hire.employmentType.asWritten})`);
  if (hire.salary) body.leftOut.push("Compensation");
  return body;
}
