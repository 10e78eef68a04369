/**
 * CSV as spreadsheets read it (RFC 4180): fields quoted when they hold a comma, quote or line
 * break, lines ended by CRLF. A cell a spreadsheet would run as a formula (=, +, -, @ first) is
 * prefixed with an apostrophe, unless it is only a number such as a phone number.
 */
export function csvLine(cells: readonly (string | null | undefined)[]): string {
  return `${cells.map((cell) => csvCell(cell ?? "")).join(",")}\r\n`;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?[\d\s().-]+$/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Excel reads a UTF-8 file as such (names in any script) only when it starts with this mark. */
export const UTF8_BOM = "\uFEFF";
