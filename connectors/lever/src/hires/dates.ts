/**
 * Lever dates are epoch milliseconds (reference §2); date pickers store midnight UTC of the
 * chosen day (sim-lever README choice 10), so the calendar day is read in UTC.
 */
export function isoDay(value: string | number | boolean | null | undefined): string | null {
  const ms = typeof value === "number" ? value : typeof value === "string" && /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isFinite(ms)) return null;
  return new Date(ms).toISOString().slice(0, 10);
}
