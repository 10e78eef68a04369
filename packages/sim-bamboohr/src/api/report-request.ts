import type { IncomingMessage } from "node:http";
import { parseSince } from "../dates";
import { ApiError, badRequest } from "../http/api-error";
import { parseJson, parseXml } from "../http/body";

/** The custom report's output formats (reference §2.4). */
export type ReportFormat = "json" | "xml" | "csv" | "xls" | "pdf";

const FORMATS: readonly ReportFormat[] = ["json", "xml", "csv", "xls", "pdf"];

/** Without `format`, only these exact Accept values select a format; anything else is a 404. */
const ACCEPTED: Record<string, ReportFormat> = {
  "application/json": "json",
  "text/xml": "xml",
  "text/csv": "csv",
  "application/pdf": "pdf",
  "application/vnd.ms-excel": "xls",
};

export function reportFormat(req: IncomingMessage, url: URL): ReportFormat {
  const format = url.searchParams.get("format");
  if (format !== null) {
    const lower = format.trim().toLowerCase() as ReportFormat;
    if (!FORMATS.includes(lower)) throw badRequest(`Unsupported report format "${format}"`);
    return lower;
  }
  const chosen = ACCEPTED[(req.headers.accept ?? "").trim()];
  if (!chosen) throw new ApiError(404, "Report format not found: pass format= or an Accept of a supported type");
  return chosen;
}

export interface ReportRequest {
  title: string;
  fields: string[];
  /** Unix seconds; only employees changed at or after it. */
  lastChangedSince: number | null;
  employeeIds: number[] | null;
}

/**
 * The body is JSON only when Content-Type is exactly `application/json`; any
 * other type (`application/json; charset=UTF-8` included) is read as XML, so
 * JSON sent that way is "Malformed XML" (reference §1.3).
 */
export function parseReportRequest(req: IncomingMessage, text: string): ReportRequest {
  if (req.headers["content-type"] === "application/json") return fromJson(parseJson(text));
  return fromXml(parseXml(text));
}

function fromJson(body: unknown): ReportRequest {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw badRequest("The report body must be an object");
  const record = body as Record<string, unknown>;
  const fields = record.fields;
  if (!Array.isArray(fields) || fields.length === 0 || !fields.every((f) => typeof f === "string")) {
    throw badRequest("fields must be a non-empty array of field names");
  }
  const filters = (record.filters ?? {}) as Record<string, unknown>;
  const lastChanged = filters.lastChanged as { value?: unknown } | undefined;
  const ids = filters.employeeIds;
  if (ids !== undefined && !(Array.isArray(ids) && ids.every((id) => /^\d+$/.test(String(id))))) {
    throw badRequest("filters.employeeIds must be an array of employee ids");
  }
  return {
    title: typeof record.title === "string" ? record.title : "",
    fields: fields as string[],
    lastChangedSince: since(lastChanged?.value),
    employeeIds: Array.isArray(ids) ? ids.map(Number) : null,
  };
}

function fromXml(document: Record<string, unknown>): ReportRequest {
  const report = document.report as Record<string, unknown> | undefined;
  if (!report || typeof report !== "object") throw badRequest("Malformed XML: expected a <report> element");
  const fieldList = (report.fields as Record<string, unknown> | undefined)?.field;
  const fields = Array.isArray(fieldList)
    ? fieldList.map((f) => (f as Record<string, unknown>)["@_id"]).filter((id) => typeof id === "string")
    : [];
  if (fields.length === 0) throw badRequest("The report names no <field id=…/>");
  const filters = report.filters as Record<string, unknown> | undefined;
  const lastChanged = filters?.lastChanged;
  const value = typeof lastChanged === "string" ? lastChanged : (lastChanged as Record<string, unknown> | undefined)?.["#text"];
  return {
    title: typeof report.title === "string" ? report.title : "",
    fields: fields as string[],
    lastChangedSince: since(value),
    employeeIds: null,
  };
}

function since(value: unknown): number | null {
  if (value === undefined || value === null || value === "") return null;
  const parsed = parseSince(String(value));
  if (parsed === null) throw badRequest(`filters.lastChanged.value is not an ISO 8601 timestamp: ${String(value)}`);
  return parsed;
}
