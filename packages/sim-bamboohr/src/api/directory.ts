import type { FieldDef } from "../fields/catalog";
import { isFutureHire } from "../fields/current";
import { resolveField } from "../fields/resolve";
import { forbidden, notFound } from "../http/api-error";
import { onlyCurrent } from "../http/negotiate";
import { json, type SimResponse, xml } from "../http/respond";
import { attributes, element, escapeXml, fieldElement, xmlDocument } from "../http/xml";
import { ORG_CHART_FIELDS } from "../store/company-data";
import { type ApiContext, fieldView } from "./context";

/**
 * GET /v1/employees/directory (reference §2.1): Active employees only, the
 * company's configured fieldset, `supervisor` as "First Last", 404 when empty,
 * 403 when the company shares neither directory nor org chart. Field
 * permissions do not apply here; directory sharing does.
 */
export function directory(ctx: ApiContext): SimResponse {
  const company = ctx.company.data;
  const sharing = company.settings.directory;
  if (sharing === "disabled" || ctx.access.profile.directory === "none") {
    throw forbidden("The employee directory is not shared with this user");
  }
  const orgChartOnly = sharing === "orgChartOnly" || ctx.access.profile.directory === "orgChart";
  const fields = company.directoryFields
    .filter((key) => !orgChartOnly || ORG_CHART_FIELDS.has(key))
    .map((key) => resolveField(key))
    .filter((field): field is FieldDef => field !== undefined);
  const current = onlyCurrent(ctx.url);
  const view = fieldView(ctx, current, "firstLast");
  const employees = company.employees.filter((e) => e.status === "Active" && (!current || !isFutureHire(e, view.today)));
  if (employees.length === 0) throw notFound("The directory is empty");
  const keys = fields.map((field) => field.alias ?? String(field.id));

  if (ctx.json) {
    const rows = employees.map((employee) => {
      const row: Record<string, unknown> = { id: String(employee.id) };
      for (let i = 0; i < fields.length; i++) row[keys[i] as string] = (fields[i] as FieldDef).value(employee, view);
      return row;
    });
    return json({ fields: fields.map((field, i) => ({ id: keys[i], type: field.type, name: field.name })), employees: rows });
  }
  const parts: string[] = ["<directory><fieldset>"];
  fields.forEach((field, i) => {
    parts.push(`<field${attributes({ id: keys[i] })}>${escapeXml(field.name)}</field>`);
  });
  parts.push("</fieldset><employees>");
  for (const employee of employees) {
    let inner = "";
    for (let i = 0; i < fields.length; i++)
      inner += fieldElement(keys[i] as string, (fields[i] as FieldDef).value(employee, view));
    parts.push(element("employee", { id: employee.id }, inner));
  }
  parts.push("</employees></directory>");
  return xml(xmlDocument(parts.join("")));
}
