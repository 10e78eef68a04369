import { defineStream } from "@roster/core";
import type { BambooHrCredentials } from "../manifest";
import { type DepartmentRaw, mapDepartment } from "../mappers/department";
import { optionsOf } from "../mappers/lists";
import { readListIndex } from "../read/meta";

/**
 * Departments and divisions: the options of both lists (§2.5), archived ones included, since
 * old job rows still name them. One page: a company has tens of them, not thousands.
 */
export const departmentsStream = defineStream<BambooHrCredentials, DepartmentRaw, "departments">({
  model: "departments",
  async *read(ctx) {
    const lists = await readListIndex(ctx);
    const records: DepartmentRaw[] = [
      ...optionsOf(lists, "department").map((option) => ({ list: "department" as const, option })),
      ...optionsOf(lists, "division").map((option) => ({ list: "division" as const, option })),
    ];
    yield { records, nextCursor: null };
  },
  map: mapDepartment,
});
