import type { Figure } from "./figure";

const columns: { head: string; get: (f: Figure) => string; right?: boolean }[] = [
  { head: "figure", get: (f) => `${f.id}  ${f.title}` },
  { head: "value", get: (f) => f.value, right: true },
  { head: "baseline", get: (f) => f.baseline, right: true },
  { head: "ratio", get: ratioCell, right: true },
  { head: "target", get: (f) => f.target },
  { head: "result", get: (f) => f.status },
];

function ratioCell(f: Figure): string {
  if (f.ratio === null) return "—";
  if (!Number.isFinite(f.ratio)) return "∞";
  return `${f.ratioIsLowerBound ? "≥ " : ""}${f.ratio.toFixed(2)}`;
}

/** The results as a plain-text table (one line per figure), then the notes. */
export function formatTable(figures: readonly Figure[]): string {
  const cells = figures.map((f) => columns.map((c) => c.get(f)));
  const widths = columns.map((c, i) => Math.max(c.head.length, ...cells.map((row) => row[i]?.length ?? 0)));
  const line = (row: string[]) =>
    row.map((cell, i) => (columns[i]?.right ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join(" │ ");
  const rule = widths.map((w) => "─".repeat(w)).join("─┼─");
  const notes = figures.filter((f) => f.note).map((f) => `  ${f.id}: ${f.note}`);
  return [line(columns.map((c) => c.head)), rule, ...cells.map(line), ...(notes.length ? ["", "notes:", ...notes] : [])].join(
    "\n",
  );
}
