import type { StreamCounts } from "@roster/db";
import { type RunCounts, totals } from "@roster/sync";
import type { Colors } from "./output";
import type { Column } from "./table";

export const countColumns: Column[] = [
  { header: "READ", align: "right" },
  { header: "CREATED", align: "right" },
  { header: "UPDATED", align: "right" },
  { header: "UNCHANGED", align: "right" },
  { header: "DELETED", align: "right" },
  { header: "FAILED", align: "right" },
];

export function countCells(c: StreamCounts, colors: Colors): string[] {
  return [
    String(c.read),
    String(c.created),
    String(c.updated),
    String(c.unchanged),
    String(c.deleted),
    c.failed > 0 ? colors.red(String(c.failed)) : "0",
  ];
}

/** Rows of [stream, …counts] in the connector's stream order, then a total row. */
export function countRows(counts: RunCounts, order: readonly string[], colors: Colors): string[][] {
  const names = [...order.filter((s) => counts[s]), ...Object.keys(counts).filter((s) => !order.includes(s))];
  const rows = names.map((s) => [s, ...countCells(counts[s]!, colors)]);
  if (names.length > 1) rows.push([colors.bold("total"), ...countCells(totals(counts), colors).map((cell) => colors.bold(cell))]);
  return rows;
}
