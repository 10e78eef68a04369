import { ApiError } from "../http/api-error";
import { CSV_TYPE, json, type SimResponse, xml } from "../http/respond";
import { attributes, element, escapeXml, fieldElement, xmlDocument } from "../http/xml";
import { canSeeEmployee } from "../model/access";
import { type ApiContext, fieldView } from "./context";
import { readableFields, requestedNames, stringValue } from "./employee";
import { parseReportRequest, reportFormat } from "./report-request";

const ID_COLUMN = { id: "id", type: "int", name: "EEID" };

/**
 * POST /v1/reports/custom (reference §2.4): every employee whatever their
 * status, string values, unknown and unreadable fields silently dropped,
 * employees the caller cannot see left out, `supervisor` as "Last, First".
 */
export async function customReport(ctx: ApiContext): Promise<SimResponse> {
  const format = reportFormat(ctx.req, ctx.url);
  const request = parseReportRequest(ctx.req, await ctx.body());
  if (format === "xls" || format === "pdf") throw new ApiError(501, `The simulator does not render ${format} reports`);
  const names = requestedNames(request.fields);
  const columns = readableFields(
    ctx,
    names.filter((name) => name !== "id"),
  );
  const withId = names.includes("id");
  const view = fieldView(ctx, ctx.url.searchParams.get("onlyCurrent") !== "false", "lastFirst");
  const wanted = request.employeeIds ? new Set(request.employeeIds) : null;
  const employees = ctx.company.data.employees.filter(
    (e) =>
      canSeeEmployee(ctx.access, e.id) &&
      (wanted === null || wanted.has(e.id)) &&
      (request.lastChangedSince === null || e.lastChangedSec >= request.lastChangedSince),
  );
  const fieldsOut = [
    ...(withId ? [ID_COLUMN] : []),
    ...columns.map(({ name, field }) => ({ id: name, type: field.type, name: field.name })),
  ];
  const rows = employees.map((employee) => {
    const values: [string, string | null][] = columns.map(({ name, field }) => [name, stringValue(field, employee, view)]);
    return { id: String(employee.id), values };
  });

  if (format === "json") {
    return json({
      title: request.title,
      fields: fieldsOut,
      employees: rows.map((row) => ({ id: row.id, ...Object.fromEntries(row.values) })),
    });
  }
  if (format === "csv") {
    const header = fieldsOut.map((f) => csvCell(f.name)).join(",");
    const lines = rows.map((row) => [...(withId ? [row.id] : []), ...row.values.map(([, v]) => v)].map(csvCell).join(","));
    return { status: 200, body: `${[header, ...lines].join("\r\n")}\r\n`, contentType: CSV_TYPE };
  }
  const fieldXml = fieldsOut.map((f) => `<field${attributes({ id: f.id, type: f.type })}>${escapeXml(f.name)}</field>`).join("");
  const employeeXml = rows
    .map((row) => element("employee", { id: row.id }, row.values.map(([name, value]) => fieldElement(name, value)).join("")))
    .join("");
  return xml(
    xmlDocument(
      element(
        "report",
        {},
        `<title>${escapeXml(request.title)}</title><fields>${fieldXml}</fields><employees>${employeeXml}</employees>`,
      ),
    ),
  );
}

function csvCell(value: string | null): string {
  if (value === null) return "";
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
