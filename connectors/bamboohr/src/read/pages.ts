import { type BambooHrContext, chunks } from "../client";
import { customReport, employeeIds } from "./report";

/**
 * Employees per page. BambooHR answers a whole company at once (reference §6); Roster asks the
 * custom report for this many employees at a time, so a read holds one page in memory and a
 * crash resumes after the last page written.
 */
export const PAGE_SIZE = 200;

/** A cursor is the last employee id a page finished; anything else starts from the beginning. */
export function afterCursor(cursor: string | null): number {
  return cursor !== null && /^\d+$/.test(cursor) ? Number(cursor) : 0;
}

export interface IdPage {
  ids: number[];
  nextCursor: string | null;
}

/** `ids` after the cursor in pages of PAGE_SIZE; one empty last page when none are left. */
export function* idPages(ids: readonly number[], cursor: string | null): Generator<IdPage> {
  const after = afterCursor(cursor);
  const pages = chunks(
    ids.filter((id) => id > after),
    PAGE_SIZE,
  );
  if (pages.length === 0) {
    yield { ids: [], nextCursor: null };
    return;
  }
  for (const [index, page] of pages.entries()) {
    yield { ids: page, nextCursor: index === pages.length - 1 ? null : String(page[page.length - 1]) };
  }
}

/** Every employee the key can see, in pages of ids after the cursor. */
export async function* allEmployeePages(ctx: BambooHrContext, cursor: string | null): AsyncGenerator<IdPage> {
  yield* idPages(await employeeIds(ctx), cursor);
}

/**
 * The report rows of exactly these employees, ascending id. Rows of other employees are
 * dropped, so a server that ignored the id filter could not repeat people across pages.
 */
export async function rowsOf(
  ctx: BambooHrContext,
  fields: readonly string[],
  ids: readonly number[],
): Promise<Map<number, Record<string, unknown>>> {
  const rows = new Map<number, Record<string, unknown>>();
  if (ids.length === 0) return rows;
  const wanted = new Set(ids);
  const report = await customReport(ctx, fields, { employeeIds: ids });
  for (const row of report.rows) {
    const id = Number((row as { id?: unknown } | null)?.id);
    if (wanted.has(id)) rows.set(id, row as Record<string, unknown>);
  }
  return new Map([...rows].sort(([a], [b]) => a - b));
}
