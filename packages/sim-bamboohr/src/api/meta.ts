import { toTimestamp } from "../dates";
import { ALL_FIELDS, canSeeField } from "../fields/resolve";
import { TABLES } from "../fields/tables";
import { json, type SimResponse, xml } from "../http/respond";
import { attributes, element, escapeXml, xmlDocument } from "../http/xml";
import type { ApiContext } from "./context";

const yesNo = (flag: boolean) => (flag ? "yes" : "no");

/**
 * GET /v1/meta/fields (reference §2.5): every listed field, `alias` only when
 * there is one. Whether it follows the caller's permissions is a switch
 * (Behaviour.metaFieldsFollowPermissions) since the reference cannot tell.
 */
export function metaFields(ctx: ApiContext): SimResponse {
  const filter = ctx.state.behaviour.metaFieldsFollowPermissions;
  const fields = ALL_FIELDS.filter((field) => field.listed && (!filter || canSeeField(ctx.access, field)));
  if (ctx.json) {
    return json(fields.map((f) => ({ id: f.id, name: f.name, type: f.type, ...(f.alias === null ? {} : { alias: f.alias }) })));
  }
  const inner = fields.map((f) => `<field${attributes({ id: f.id, type: f.type, alias: f.alias })}>${escapeXml(f.name)}</field>`);
  return xml(xmlDocument(element("fields", {}, inner.join(""))));
}

/** GET /v1/meta/lists: list fields and their options, archived ones included; `?format=json` works too. */
export function metaLists(ctx: ApiContext): SimResponse {
  const lists = ctx.company.data.lists;
  if (ctx.json || ctx.url.searchParams.get("format")?.toLowerCase() === "json") {
    return json(
      lists.map((list) => ({
        fieldId: list.fieldId,
        ...(list.alias === null ? {} : { alias: list.alias }),
        name: list.name,
        manageable: yesNo(list.manageable),
        multiple: yesNo(list.multiple),
        options: list.options.map((o) => ({
          id: o.id,
          name: o.name,
          archived: yesNo(o.archived),
          createdDate: o.createdDate,
          archivedDate: o.archivedDate,
        })),
      })),
    );
  }
  const inner = lists.map((list) => {
    const options = list.options
      .map(
        (o) =>
          `<option${attributes({ id: o.id, archived: yesNo(o.archived), createdDate: o.createdDate, archivedDate: o.archivedDate ?? "" })}>${escapeXml(o.name)}</option>`,
      )
      .join("");
    const attrs = {
      fieldId: list.fieldId,
      alias: list.alias,
      manageable: yesNo(list.manageable),
      multiple: yesNo(list.multiple),
    };
    return element("list", attrs, `<name>${escapeXml(list.name)}</name><options>${options}</options>`);
  });
  return xml(xmlDocument(element("lists", {}, inner.join(""))));
}

/** GET /v1/meta/tables: each table's alias and columns. */
export function metaTables(ctx: ApiContext): SimResponse {
  if (ctx.json) {
    return json(
      TABLES.map((table) => ({
        alias: table.alias,
        fields: table.columns.map((c) => ({ id: c.id, name: c.name, alias: c.alias, type: c.type })),
      })),
    );
  }
  const inner = TABLES.map((table) => {
    const columns = table.columns.map(
      (c) => `<field${attributes({ id: c.id, alias: c.alias, type: c.type })}>${escapeXml(c.name)}</field>`,
    );
    return element("table", { alias: table.alias }, columns.join(""));
  });
  return xml(xmlDocument(element("tables", {}, inner.join(""))));
}

/**
 * GET /v1/meta/users: an object keyed by user id (not an array), `employeeId`
 * 0 when unlinked, `lastLogin` left out for users who never logged in.
 */
export function metaUsers(ctx: ApiContext): SimResponse {
  const users = ctx.company.data.users;
  if (ctx.json) {
    const byId: Record<string, unknown> = {};
    for (const u of users) {
      byId[String(u.id)] = {
        id: u.id,
        employeeId: u.employeeId,
        firstName: u.firstName,
        lastName: u.lastName,
        email: u.email,
        status: u.status,
        ...(u.lastLoginSec === null ? {} : { lastLogin: toTimestamp(u.lastLoginSec) }),
      };
    }
    return json(byId);
  }
  const inner = users.map((u) => {
    const login = u.lastLoginSec === null ? "" : `<lastLogin>${toTimestamp(u.lastLoginSec)}</lastLogin>`;
    const body = `<firstName>${escapeXml(u.firstName)}</firstName><lastName>${escapeXml(u.lastName)}</lastName><email>${escapeXml(u.email)}</email><status>${u.status}</status>${login}`;
    return element("user", { id: u.id, employeeId: u.employeeId }, body);
  });
  return xml(xmlDocument(element("users", {}, inner.join(""))));
}
