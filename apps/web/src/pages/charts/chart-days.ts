/** The charts' calendar (how many days they cover, in which time zone a day is counted) and their tooltip's look. */

export const CHART_DAYS = 30;

/** The viewer's time zone: the server counts days in it, as every date on the page is shown. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** "2026-11-03" → "3 Nov", for axis ticks (a calendar day: no time-zone shift). */
export function formatDayTick(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  if (!y || !m || !d) return day;
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
}

/** The tooltip as the rest of the page: rounded, light border, small text. */
export const tooltipStyle = { borderRadius: 8, borderColor: "var(--border)", fontSize: 13 } as const;
