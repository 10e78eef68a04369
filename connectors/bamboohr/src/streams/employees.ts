import { type ChangesPage, defineStream } from "@roster/core";
import type { BambooHrContext } from "../client";
import { EMPLOYEE_FIELDS } from "../field-access";
import type { BambooHrCredentials } from "../manifest";
import { type EmployeeRaw, mapEmployee } from "../mappers/employee";
import { emptyListIndex, type ListIndex } from "../mappers/lists";
import { changedEmployees, goneIds } from "../read/changes";
import { readListIndexIfAllowed } from "../read/meta";
import { allEmployeePages, type IdPage, idPages, rowsOf } from "../read/pages";

async function pageOf(ctx: BambooHrContext, lists: ListIndex, ids: readonly number[]): Promise<EmployeeRaw[]> {
  return [...(await rowsOf(ctx, EMPLOYEE_FIELDS, ids)).values()].map((row) => ({ row, lists }));
}

/**
 * Every employee the key can see, Active and Inactive: the custom report lists everyone (§2.4),
 * where the directory leaves out the inactive, i.e. the terminated (§2.1). Lists are read first
 * to turn department and location names into ids.
 */
async function* readEmployees(ctx: BambooHrContext, cursor: string | null) {
  const lists = (await readListIndexIfAllowed(ctx)) ?? emptyListIndex;
  for await (const page of allEmployeePages(ctx, cursor)) {
    yield { records: await pageOf(ctx, lists, page.ids), nextCursor: page.nextCursor };
  }
}

/** Employees changed since the last sync (§3.1), re-read whole; BambooHR's deletions reported on the first page. */
async function* readEmployeeChanges(
  ctx: BambooHrContext,
  from: { cursor: string | null; since: Date },
): AsyncGenerator<ChangesPage<EmployeeRaw>> {
  const changes = await changedEmployees(ctx, from.since);
  const lists = (await readListIndexIfAllowed(ctx)) ?? emptyListIndex;
  let first = from.cursor === null;
  for (const page of idPages(changes.changed, from.cursor)) {
    yield {
      records: await pageOf(ctx, lists, page.ids),
      nextCursor: page.nextCursor,
      ...(first ? { deleted: changes.deleted } : {}),
    };
    first = false;
  }
}

/** Just these employees (a webhook named them); those BambooHR no longer has are reported deleted. */
async function* readNamedEmployees(ctx: BambooHrContext, remoteIds: readonly string[]): AsyncGenerator<ChangesPage<EmployeeRaw>> {
  const lists = (await readListIndexIfAllowed(ctx)) ?? emptyListIndex;
  const numeric = [...new Set(remoteIds.filter((id) => /^[1-9]\d*$/.test(id)).map(Number))].sort((a, b) => a - b);
  const pages: IdPage[] = [...idPages(numeric, null)];
  const found = new Set<string>();
  for (const [index, page] of pages.entries()) {
    const records = await pageOf(ctx, lists, page.ids);
    for (const record of records) found.add(String((record.row as { id: unknown }).id));
    const last = index === pages.length - 1;
    const deleted = last
      ? await goneIds(
          ctx,
          [...new Set(remoteIds)].filter((id) => !found.has(id)),
        )
      : undefined;
    yield { records, nextCursor: last ? null : page.nextCursor, ...(deleted ? { deleted } : {}) };
  }
}

/**
 * People. Each permission hides its fields from the report (§4), so they are declared here: a
 * key without one leaves them as stored rather than emptied. Names, the Active/Inactive record
 * status and the change time are readable by anyone who can see the employee.
 */
export const employeesStream = defineStream<BambooHrCredentials, EmployeeRaw, "employees">({
  model: "employees",
  fieldsByPermission: {
    workContact: ["workEmail", "workPhone"],
    personalContact: ["personalEmail", "personalPhone"],
    jobInfo: ["jobTitle", "departmentRemoteId", "locationRemoteId"],
    reportsTo: ["managerRemoteId"],
    employmentStatus: ["status", "remoteStatus", "employmentType", "terminationDate"],
    hireDates: ["hireDate", "startDate"],
  },
  read: (ctx, { cursor }) => readEmployees(ctx, cursor),
  map: mapEmployee,
  readChanges: readEmployeeChanges,
  readRecords: readNamedEmployees,
});
