import { type BambooHrContext, checkEnvelope, chunks, request } from "../client";
import { reportEnvelope } from "../raw";

/** BambooHR refuses more than 400 fields in one request (reference §2.2, §2.4); `id` comes free. */
const MAX_FIELDS_PER_REPORT = 400;

export interface ReportFilter {
  /** Only these employees (reference §2.4 `filters.employeeIds`). */
  employeeIds?: readonly number[];
  /** Only employees changed at or after this instant (`filters.lastChanged`, nulls excluded). */
  changedSince?: string;
}

export interface Report {
  /** The requested fields the key could read: BambooHR drops the others silently (§4). */
  readable: Set<string>;
  /** One row per employee, unparsed, in BambooHR's order. */
  rows: unknown[];
}

/**
 * `POST /v1/reports/custom?format=JSON` (reference §2.4): every employee whatever their status,
 * unlike the directory (§2.1), which leaves inactive ones out. The body must be sent as exactly
 * `application/json` (§1.3), which is what the core client sends. A report only reads, so it is
 * marked idempotent and retried like a GET. Over 400 fields, several reports are merged by id.
 */
export async function customReport(ctx: BambooHrContext, fields: readonly string[], filter: ReportFilter = {}): Promise<Report> {
  const groups = chunks(
    fields.filter((f) => f !== "id"),
    MAX_FIELDS_PER_REPORT,
  );
  if (groups.length === 0) groups.push([]);
  const readable = new Set<string>();
  const merged = new Map<string, Record<string, unknown>>();
  const order: unknown[] = [];
  for (const group of groups) {
    const filters: Record<string, unknown> = {};
    if (filter.employeeIds) filters.employeeIds = filter.employeeIds;
    if (filter.changedSince) filters.lastChanged = { includeNull: "no", value: filter.changedSince };
    // POST /v1/reports/custom: BambooHR's OpenAPI, reference §2.4 [spec].
    const { data } = await request(ctx, {
      method: "POST",
      url: "v1/reports/custom",
      query: { format: "JSON" },
      json: { title: "Roster sync", fields: ["id", ...group], filters, filterDuplicates: "yes" },
      idempotent: true,
    });
    const report = checkEnvelope(reportEnvelope, data, "POST /v1/reports/custom");
    for (const field of report.fields ?? []) readable.add(field.id);
    for (const row of report.employees) {
      const id = idOf(row);
      const seen = id === null ? undefined : merged.get(id);
      if (seen) Object.assign(seen, row);
      else {
        order.push(row);
        if (id !== null) merged.set(id, row as Record<string, unknown>);
      }
    }
  }
  return { readable, rows: order };
}

function idOf(row: unknown): string | null {
  const id = (row as { id?: unknown } | null)?.id;
  return typeof id === "string" || typeof id === "number" ? String(id) : null;
}

/**
 * Every employee id the key can see, ascending: a one-column report. Streams page through these
 * ids (BambooHR itself has no pagination, §6) so a read resumes after the last id it finished.
 */
export async function employeeIds(ctx: BambooHrContext): Promise<number[]> {
  const { rows } = await customReport(ctx, ["id"]);
  const ids = new Set<number>();
  for (const row of rows) {
    const id = Number(idOf(row));
    if (Number.isSafeInteger(id) && id > 0) ids.add(id);
  }
  return [...ids].sort((a, b) => a - b);
}
