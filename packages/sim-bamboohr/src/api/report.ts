import { ApiError } from "../http/api-error";
import { onlyCurrent } from "../http/negotiate";
import { CSV_TYPE, JSON_TYPE, joinedChunks, type SimResponse, streamed, XML_TYPE } from "../http/respond";
import { attributes, element, escapeXml, fieldElement } from "../http/xml";
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
  const view = fieldView(ctx, onlyCurrent(ctx.url), "lastFirst");
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
  const valuesOf = (employee: (typeof employees)[number]) => columns.map(({ field }) => stringValue(field, employee, view));

  if (format === "json") {
    const quoted = columns.map(({ name }) => JSON.stringify(name));
    const row = (employee: (typeof employees)[number]) => {
      const values = valuesOf(employee);
      return `{"id":"${employee.id}"${values.map((value, i) => `,${quoted[i]}:${JSON.stringify(value)}`).join("")}}`;
    };
    const head = `{"title":${JSON.stringify(request.title)},"fields":${JSON.stringify(fieldsOut)},"employees":[`;
    return streamed(JSON_TYPE, joinedChunks(head, employees, row, ",", "]}"));
  }
  if (format === "csv") {
    const line = (employee: (typeof employees)[number]) =>
      [...(withId ? [String(employee.id)] : []), ...valuesOf(employee)].map(csvCell).join(",");
    const header = fieldsOut.map((f) => csvCell(f.name)).join(",");
    return streamed(
      CSV_TYPE,
      joinedChunks(`${header}\r\n`, employees, (e) => `${line(e)}\r\n`, "", ""),
    );
  }
  const fieldXml = fieldsOut.map((f) => `<field${attributes({ id: f.id, type: f.type })}>${escapeXml(f.name)}</field>`).join("");
  const employeeXml = (employee: (typeof employees)[number]) => {
    const values = valuesOf(employee);
    return element("employee", { id: employee.id }, columns.map(({ name }, i) => fieldElement(name, values[i] ?? null)).join(""));
  };
  const head = `<?xml version="1.0"?>\n<report><title>${escapeXml(request.title)}</title><fields>${fieldXml}</fields><employees>`;
  return streamed(XML_TYPE, joinedChunks(head, employees, employeeXml, "", "</employees></report>\n"));
}

function csvCell(value: string | null): string {
  if (value === null) return "";
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
