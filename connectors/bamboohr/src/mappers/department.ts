import type { Department, Mapped } from "@roster/core";
import { failure } from "./fields";
import type { ListOption } from "./lists";

/** An option of BambooHR's Department or Division list (reference §2.5), with the list it came from. */
export interface DepartmentRaw {
  list: "department" | "division";
  option: ListOption;
}

/**
 * Division ids get a prefix: they come from another list, whose option ids may repeat the
 * department list's. Department ids stay BambooHR's own, which people link to.
 */
export function departmentRemoteId(raw: DepartmentRaw): string {
  return raw.list === "division" ? `division:${raw.option.id}` : raw.option.id;
}

/**
 * A Department or Division option → Department. BambooHR keeps the two as independent lists: an
 * employee has one of each, and nothing says which division a department belongs to. So both
 * are departments with no parent, divisions told apart by their id; inventing a parent from
 * who happens to sit where would change with every transfer.
 */
export function mapDepartment(raw: DepartmentRaw): Mapped<Department> {
  const remoteId = departmentRemoteId(raw);
  const name = raw.option.name.trim();
  if (!name) return failure(remoteId, `${raw.list === "division" ? "Division" : "Department"} option has no name`);
  return {
    ok: true,
    value: { remoteId, remoteData: { list: raw.list, ...raw.option }, remoteUpdatedAt: null, name, parentRemoteId: null },
  };
}
