import type { FieldView } from "../fields/catalog";
import { findTable, type TableDef } from "../fields/tables";
import { notFound } from "../http/api-error";
import { JSON_TYPE, joinedChunks, type SimResponse, streamed, XML_TYPE } from "../http/respond";
import { element, fieldElement } from "../http/xml";
import { type CompiledAccess, canSeeEmployee } from "../model/access";
import type { EmployeeRecord } from "../model/records";
import { type ApiContext, fieldView, visibleEmployee } from "./context";

export type TableRow = { id: string; employeeId: string } & Record<string, string | number | boolean | null>;

export function tableOrThrow(alias: string): TableDef {
  const table = findTable(alias);
  if (!table) throw notFound(`Table ${alias} not found`);
  return table;
}

function visibleColumns(table: TableDef, access: CompiledAccess) {
  return table.columns.filter(
    (c) => !(c.group !== null && access.hiddenGroups.has(c.group)) && !access.hiddenFields.has(c.alias),
  );
}

/**
 * One employee's rows, columns the caller cannot see omitted. BambooHR
 * returns rows unsorted; odd employee ids get theirs newest first so a
 * connector cannot lean on an order.
 */
export function rowsOf(table: TableDef, employee: EmployeeRecord, access: CompiledAccess, view: FieldView): TableRow[] {
  const columns = visibleColumns(table, access);
  const rows = table.rows(employee).map((row) => {
    const out: TableRow = { id: String(row.id), employeeId: String(employee.id) };
    for (const column of columns) out[column.alias] = column.value(row, view);
    return out;
  });
  return employee.id % 2 === 1 ? rows.reverse() : rows;
}

export function rowsXml(rows: readonly TableRow[]): string {
  return rows
    .map(({ id, employeeId, ...values }) =>
      element(
        "row",
        { id, employeeId },
        Object.entries(values)
          .map(([alias, value]) => fieldElement(alias, value))
          .join(""),
      ),
    )
    .join("");
}

/**
 * GET /v1/employees/{id}/tables/{table} (reference §3.3); `all` gives every
 * employee the caller can see, inactive and terminated included.
 */
export function employeeTable(ctx: ApiContext, params: Record<string, string>): SimResponse {
  const table = tableOrThrow(params.table ?? "");
  const view = fieldView(ctx, true, "lastFirst");
  const employees =
    params.id === "all"
      ? ctx.company.data.employees.filter((e) => canSeeEmployee(ctx.access, e.id))
      : [visibleEmployee(ctx, params.id ?? "")];
  // Rows are rendered employee by employee while written: `all` covers the whole company.
  if (ctx.json) {
    const rowsJson = (e: EmployeeRecord) =>
      rowsOf(table, e, ctx.access, view)
        .map((row) => JSON.stringify(row))
        .join(",");
    return streamed(
      JSON_TYPE,
      joinedChunks(
        "[",
        employees.filter((e) => table.rows(e).length > 0),
        rowsJson,
        ",",
        "]",
      ),
    );
  }
  const rowsOfXml = (e: EmployeeRecord) => rowsXml(rowsOf(table, e, ctx.access, view));
  return streamed(XML_TYPE, joinedChunks('<?xml version="1.0"?>\n<table>', employees, rowsOfXml, "", "</table>\n"));
}
