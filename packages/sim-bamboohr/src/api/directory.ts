import type { FieldDef } from "../fields/catalog";
import { isFutureHire } from "../fields/current";
import { resolveField } from "../fields/resolve";
import { forbidden, notFound } from "../http/api-error";
import { onlyCurrent } from "../http/negotiate";
import { JSON_TYPE, joinedChunks, type SimResponse, streamed, XML_TYPE } from "../http/respond";
import { attributes, escapeXml, fieldElement } from "../http/xml";
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
    const fieldset = JSON.stringify(fields.map((field, i) => ({ id: keys[i], type: field.type, name: field.name })));
    const quotedKeys = keys.map((key) => JSON.stringify(key));
    const row = (employee: (typeof employees)[number]) => {
      let text = `{"id":"${employee.id}"`;
      for (let i = 0; i < fields.length; i++) {
        text += `,${quotedKeys[i]}:${JSON.stringify((fields[i] as FieldDef).value(employee, view))}`;
      }
      return `${text}}`;
    };
    return streamed(JSON_TYPE, joinedChunks(`{"fields":${fieldset},"employees":[`, employees, row, ",", "]}"));
  }
  const fieldset = fields.map((field, i) => `<field${attributes({ id: keys[i] })}>${escapeXml(field.name)}</field>`).join("");
  const employeeXml = (employee: (typeof employees)[number]) => {
    let inner = "";
    for (let i = 0; i < fields.length; i++)
      inner += fieldElement(keys[i] as string, (fields[i] as FieldDef).value(employee, view));
    return `<employee id="${employee.id}">${inner}</employee>`;
  };
  const head = `<?xml version="1.0"?>\n<directory><fieldset>${fieldset}</fieldset><employees>`;
  return streamed(XML_TYPE, joinedChunks(head, employees, employeeXml, "", "</employees></directory>\n"));
}
