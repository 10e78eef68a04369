/** The part of a column spec that COPY needs: how to read the column's value from a record. */
export interface CopyColumn<T> {
  value: (record: T) => unknown;
}

const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };
const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;

/** One field in COPY's text format (null is `\N`; backslash, tab and newlines escaped). */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  const text = typeof value === "string" ? value : typeof value === "boolean" ? (value ? "t" : "f") : String(value);
  return SPECIAL.test(text) ? text.replace(SPECIAL_ALL, (c) => ESCAPES[c] ?? c) : text;
}

/** Each column's value in COPY's text format, tab-separated: a row without its line end. */
export function copyFields<T>(columns: readonly CopyColumn<T>[], record: T): string {
  return columns.map((column) => copyField(column.value(record))).join("\t");
}

/** One row in COPY's text format: the already encoded `prefix` fields (if any), then each column's value. */
export function copyRow<T>(prefix: string, columns: readonly CopyColumn<T>[], record: T): string {
  const fields = copyFields(columns, record);
  return prefix === "" ? `${fields}\n` : `${prefix}\t${fields}\n`;
}

/**
 * A row in COPY's text format with the fields at `positions` (ascending) replaced by `values`
 * (already encoded). The row is walked tab by tab rather than split: a batch of wide rows split
 * into fields was garbage the collector had to sweep for every person of a first load. COPY's
 * text format escapes tabs inside values, so a tab always separates two columns.
 */
export function replaceFields(row: string, positions: readonly number[], values: readonly string[]): string {
  let out = "";
  let field = 0;
  let start = 0;
  let kept = 0;
  positions.forEach((position, i) => {
    for (; field < position; field++) {
      const tab = row.indexOf("\t", start);
      if (tab === -1) throw new Error(`row has no field ${position}`);
      start = tab + 1;
    }
    const tab = row.indexOf("\t", start);
    out += row.slice(kept, start) + values[i];
    kept = tab === -1 ? row.length : tab;
  });
  return out + row.slice(kept);
}
