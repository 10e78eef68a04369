import { SHIRT_SIZE_FIELD_ID, SHIRT_SIZES } from "../fields/custom-fields";
import type { ListField, ListOption } from "../model/records";
import {
  ARCHIVED_DEPARTMENT,
  DEPARTMENTS,
  DIVISIONS,
  EMPLOYMENT_STATUSES,
  JOB_TITLES,
  LOCATIONS,
  PAY_SCHEDULES,
  PRONOUNS,
  TERMINATION_REASONS,
  TERMINATION_TYPES,
} from "./vocabulary";

const CREATED = "2015-01-01";

function options(names: readonly string[], firstId: number): ListOption[] {
  return names.map((name, index) => ({ id: firstId + index, name, archived: false, createdDate: CREATED, archivedDate: null }));
}

function list(fieldId: number | string, alias: string | null, name: string, opts: ListOption[]): ListField {
  return { fieldId, alias, name, manageable: true, multiple: false, options: opts };
}

/**
 * The company's list fields as `meta/lists` serves them. Field ids match
 * `meta/fields`; option ids are stable across seeds. The archived department
 * stays listed because old jobInfo rows still name it (reference §2.5).
 */
export function buildLists(): ListField[] {
  const departments = options(DEPARTMENTS, 101);
  departments.push({ id: 199, name: ARCHIVED_DEPARTMENT, archived: true, createdDate: CREATED, archivedDate: "2019-12-31" });
  return [
    list(24, "jobTitle", "Job Title", options([...JOB_TITLES, "Chief Executive Officer", "Sr. HR Administrator"], 301)),
    list(25, "department", "Department", departments),
    list(26, "division", "Division", options(DIVISIONS, 201)),
    list(
      27,
      "location",
      "Location",
      options(
        LOCATIONS.map((place) => place.name),
        401,
      ),
    ),
    list(32, "employmentHistoryStatus", "Employment Status", options(EMPLOYMENT_STATUSES, 501)),
    list(41, "paySchedule", "Pay schedule", options(PAY_SCHEDULES, 601)),
    list(47, "pronouns", "Pronouns", options(PRONOUNS, 701)),
    list(
      4063,
      "terminationReasonId",
      "Termination Reason",
      TERMINATION_REASONS.map((r) => ({
        id: Number(r.id),
        name: r.name,
        archived: false,
        createdDate: CREATED,
        archivedDate: null,
      })),
    ),
    list(
      4064,
      "terminationTypeId",
      "Termination Type",
      TERMINATION_TYPES.map((t) => ({
        id: Number(t.id),
        name: t.name,
        archived: false,
        createdDate: CREATED,
        archivedDate: null,
      })),
    ),
    list(SHIRT_SIZE_FIELD_ID, "customShirtSize", "Shirt size", options(SHIRT_SIZES, 801)),
  ];
}

/** Names a write may use for a list field: its options that are not archived. */
export function activeOptionNames(lists: readonly ListField[], alias: string): ReadonlySet<string> | null {
  const field = lists.find((candidate) => candidate.alias === alias);
  if (!field) return null;
  return new Set(field.options.filter((option) => !option.archived).map((option) => option.name));
}
