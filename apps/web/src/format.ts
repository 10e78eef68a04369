/** Numbers, dates and durations as every page writes them. */

const numbers = new Intl.NumberFormat("en-US");
const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** API dates arrive as ISO strings (no transformer), typed as Date: both are accepted. */
export type DateLike = Date | string;

export const toDate = (value: DateLike) => (value instanceof Date ? value : new Date(value));

/** 1234 → "1,234". */
export function formatCount(n: number): string {
  return numbers.format(n);
}

/** "1 person", "1,234 people". */
export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** "just now", "5 minutes ago", "in 23 hours", "yesterday". */
export function formatRelative(value: DateLike, now: number = Date.now()): string {
  const diff = toDate(value).getTime() - now;
  if (Math.abs(diff) < 45_000) return "just now";
  const minutes = Math.round(diff / 60_000);
  if (Math.abs(minutes) < 60) return relative.format(minutes, "minute");
  const hours = Math.round(diff / 3_600_000);
  if (Math.abs(hours) < 24) return relative.format(hours, "hour");
  return relative.format(Math.round(diff / 86_400_000), "day");
}

/** Full date and time, for titles and tables. */
export function formatDateTime(value: DateLike): string {
  return toDate(value).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
}

/** The exact moment, for hover titles: "3 Nov 2026, 14:05:09 GMT+1", seconds and time zone included. */
export function formatExact(value: DateLike): string {
  return toDate(value).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "long" });
}

/** The day of a moment, in the viewer's time zone: "3 Nov 2026". */
export function formatDate(value: DateLike): string {
  return toDate(value).toLocaleDateString("en-GB", { dateStyle: "medium" });
}

/** An ISO calendar date ("2024-03-01") shown as "1 Mar 2024", without time-zone shifts. */
export function formatIsoDate(value: string): string {
  const [y, m, d] = value.split("-").map(Number);
  if (!y || !m || !d) return value;
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString("en-GB", { dateStyle: "medium", timeZone: "UTC" });
}

/** 40 → "40 ms", 2_500 → "2.5 s", 75_000 → "1 min 15 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return seconds ? `${minutes} min ${seconds} s` : `${minutes} min`;
}

/** "customFieldValues" → "Custom field values". */
export function humanize(name: string): string {
  const words = name
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/[_.-]+/g, " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
