import { stripVTControlCharacters } from "node:util";

export interface Column {
  header: string;
  align?: "left" | "right";
}

const width = (text: string) => stripVTControlCharacters(text).length;

function pad(text: string, size: number, align: "left" | "right"): string {
  const fill = " ".repeat(Math.max(0, size - width(text)));
  return align === "right" ? fill + text : text + fill;
}

/**
 * A plain aligned table: headers, then rows, columns two spaces apart. Widths ignore
 * colour codes so coloured cells still line up.
 */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[], indent = ""): string {
  const sizes = columns.map((column, i) => Math.max(width(column.header), ...rows.map((row) => width(row[i] ?? ""))));
  const render = (cells: readonly string[]) =>
    indent +
    columns
      .map((column, i) => pad(cells[i] ?? "", sizes[i] ?? 0, column.align ?? "left"))
      .join("  ")
      .trimEnd();
  return [render(columns.map((c) => c.header)), ...rows.map(render)].join("\n");
}
