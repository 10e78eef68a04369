import { type BambooHrContext, getChecked, request } from "../client";
import { changedEnvelope, changedTableEnvelope, rawChangedEntry, rawChangedTableEntry } from "../raw";

/**
 * `since` as BambooHR takes it: ISO 8601 to the second, UTC (reference §3.1). One second earlier
 * than asked: whether a change at exactly `since` is reported is not documented, and reading a
 * record twice costs nothing while missing one costs a week (until the next full read).
 */
export function sinceParam(since: Date): string {
  return `${new Date(since.getTime() - 1000).toISOString().slice(0, 19)}Z`;
}

/** Entries of a map keyed by id (or of an array, PHP's empty map), with the key kept. */
function entriesOf(map: Record<string, unknown> | unknown[] | null | undefined): [string, unknown][] {
  if (!map) return [];
  return Array.isArray(map) ? map.map((value, index) => [String(index), value]) : Object.entries(map);
}

export interface ChangedEmployees {
  /** Inserted or updated since then, ascending. */
  changed: number[];
  /** Deleted since then. */
  deleted: string[];
}

/** `GET /v1/employees/changed?since=` (reference §3.1): who changed, and who was deleted. */
export async function changedEmployees(ctx: BambooHrContext, since: Date): Promise<ChangedEmployees> {
  // GET /v1/employees/changed: BambooHR's OpenAPI, reference §3.1 [spec].
  const body = await getChecked(ctx, "v1/employees/changed", changedEnvelope, { since: sinceParam(since) });
  const changed = new Set<number>();
  const deleted = new Set<string>();
  for (const [key, value] of entriesOf(body.employees)) {
    const entry = rawChangedEntry.safeParse(value);
    if (!entry.success) continue;
    const id = entry.data.id ?? key;
    if (!/^\d+$/.test(id)) continue;
    if (entry.data.action?.trim().toLowerCase() === "deleted") deleted.add(id);
    else changed.add(Number(id));
  }
  return { changed: [...changed].sort((a, b) => a - b), deleted: [...deleted].sort((a, b) => Number(a) - Number(b)) };
}

/**
 * `GET /v1/employees/changed/tables/{table}?since=` (reference §3.2): every row of the table for
 * each employee changed since then (any change, not only the table's).
 */
export async function changedTableRows(ctx: BambooHrContext, table: string, since: Date): Promise<unknown[]> {
  // GET /v1/employees/changed/tables/{table}: BambooHR's OpenAPI, reference §3.2 [spec].
  const body = await getChecked(ctx, `v1/employees/changed/tables/${encodeURIComponent(table)}`, changedTableEnvelope, {
    since: sinceParam(since),
  });
  return entriesOf(body.employees).flatMap(([employeeId, value]) => {
    const entry = rawChangedTableEntry.safeParse(value);
    if (!entry.success) return [];
    // Rows name their employee; fill it in from the key where a row leaves it out.
    return (entry.data.rows ?? []).map((row) =>
      typeof row === "object" && row !== null && !("employeeId" in row) ? { ...row, employeeId } : row,
    );
  });
}

/**
 * Of ids a read did not get back, those BambooHR no longer has: `GET /v1/employees/{id}` answers
 * 404 for an employee that is gone and 403 for one the key may not see (reference §2.2), which
 * is not a deletion and must not erase anyone.
 */
export async function goneIds(ctx: BambooHrContext, ids: readonly string[]): Promise<string[]> {
  const gone: string[] = [];
  for (const id of ids) {
    if (!/^\d+$/.test(id) || id === "0") {
      gone.push(id);
      continue;
    }
    try {
      await request(ctx, { url: `v1/employees/${id}`, query: { fields: "firstName" } });
    } catch (error) {
      if ((error as { status?: number }).status === 404) gone.push(id);
      else if ((error as { status?: number }).status !== 403) throw error;
    }
  }
  return gone;
}
