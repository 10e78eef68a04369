import type { FieldDef, FieldValue } from "../fields/catalog";
import { canSeeField, MAX_FIELDS_PER_REQUEST, resolveField } from "../fields/resolve";
import { badRequest } from "../http/api-error";
import { onlyCurrent } from "../http/negotiate";
import { json, type SimResponse, xml } from "../http/respond";
import { element, fieldElement, xmlDocument } from "../http/xml";
import { type ApiContext, fieldView, visibleEmployee } from "./context";

const DEFAULT_FIELDS = ["firstName", "lastName"];

/** Requested names, de-duplicated, in order; a request over 400 fields is refused. */
export function requestedNames(raw: readonly string[]): string[] {
  const names = [...new Set(raw.map((name) => name.trim()).filter((name) => name.length > 0))];
  if (names.length > MAX_FIELDS_PER_REQUEST) throw badRequest(`At most ${MAX_FIELDS_PER_REQUEST} fields may be requested`);
  return names;
}

/**
 * Resolves names to the fields this caller may read. Unknown and unreadable
 * fields are dropped without an error, keyed by the name the client used.
 */
export function readableFields(ctx: ApiContext, names: readonly string[]): { name: string; field: FieldDef }[] {
  const out: { name: string; field: FieldDef }[] = [];
  for (const name of names) {
    const field = resolveField(name);
    if (field && canSeeField(ctx.access, field)) out.push({ name, field });
  }
  return out;
}

/**
 * GET /v1/employees/{id}?fields=a,b (reference §2.2): `id` always, the
 * requested fields the caller may see (others omitted), `0` = the key's own
 * employee; inactive employees are readable by id.
 */
export function getEmployee(ctx: ApiContext, params: Record<string, string>): SimResponse {
  const employee = visibleEmployee(ctx, params.id ?? "");
  const raw = ctx.url.searchParams.get("fields");
  const names = raw === null || raw.trim() === "" ? DEFAULT_FIELDS : requestedNames(raw.split(","));
  const view = fieldView(ctx, onlyCurrent(ctx.url), "lastFirst");
  const values: [string, FieldValue][] = readableFields(ctx, names).map(({ name, field }) => [
    name,
    stringValue(field, employee, view),
  ]);
  if (ctx.json) return json({ id: String(employee.id), ...Object.fromEntries(values) });
  return xml(
    xmlDocument(element("employee", { id: employee.id }, values.map(([name, value]) => fieldElement(name, value)).join(""))),
  );
}

/** Single employees and reports give every value as a string or null (reference §2.2, §6). */
export function stringValue(field: FieldDef, ...args: Parameters<FieldDef["value"]>): string | null {
  const value = field.value(...args);
  return value === null ? null : String(value);
}
