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
