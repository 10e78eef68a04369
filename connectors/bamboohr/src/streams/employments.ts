import { type ChangesPage, defineStream } from "@roster/core";
import { type BambooHrContext, getChecked } from "../client";
import type { BambooHrCredentials } from "../manifest";
import { type EmploymentRaw, mapEmployment } from "../mappers/employment";
import { type EmploymentPeriod, employmentPeriods } from "../mappers/employment-periods";
import { tableRowsEnvelope } from "../raw";
import { changedTableRows } from "../read/changes";
import { readListIndex } from "../read/meta";
import { idPages } from "../read/pages";

const TABLE = "employmentStatus";

/** Periods in pages of employees (an employee's periods never split), after the cursor's employee id. */
async function* pagesOf(
  ctx: BambooHrContext,
  rows: readonly unknown[],
  cursor: string | null,
): AsyncGenerator<ChangesPage<EmploymentRaw>> {
  const lists = await readListIndex(ctx);
  const byEmployee = new Map<number, EmploymentPeriod[]>();
  for (const period of employmentPeriods(rows)) {
    const id = Number(period.employeeId);
    if (!Number.isSafeInteger(id)) continue;
    byEmployee.set(id, [...(byEmployee.get(id) ?? []), period]);
  }
  for (const page of idPages(
    [...byEmployee.keys()].sort((a, b) => a - b),
    cursor,
  )) {
    const records = page.ids.flatMap((id) => (byEmployee.get(id) ?? []).map((period) => ({ period, lists })));
    yield { records, nextCursor: page.nextCursor };
  }
}

/**
 * Employment periods from the employmentStatus history table (§3.3): a hire up to the
 * "Terminated" row that ends it; a rehire has several. `employees/all` includes inactive and
 * terminated people.
 */
export const employmentsStream = defineStream<BambooHrCredentials, EmploymentRaw, "employments">({
  model: "employments",
  requires: ["employmentStatus"],
  async *read(ctx, { cursor }) {
    // GET /v1/employees/all/tables/{table}: BambooHR's OpenAPI, reference §3.3 [spec].
    const rows = await getChecked(ctx, `v1/employees/all/tables/${TABLE}`, tableRowsEnvelope, undefined, {
      permissionLabel: "Employment status",
    });
    yield* pagesOf(ctx, rows, cursor);
  },
  map: mapEmployment,
  /**
   * The periods of every employee changed since then (§3.2 returns all of a changed employee's
   * rows). A period whose first row was deleted cannot be named from here: it stays until the
   * next full read (manifest.fullSyncEveryHours). A deleted employee's periods go with them (the engine).
   */
  async *readChanges(ctx, { cursor, since }) {
    yield* pagesOf(ctx, await changedTableRows(ctx, TABLE, since), cursor);
  },
});
