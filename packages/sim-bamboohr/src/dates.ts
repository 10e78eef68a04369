/**
 * Dates and timestamps. Business dates (hire, termination, history rows) are
 * whole days measured against a fixed "today" so every seed is reproducible;
 * change timestamps (`lastChanged`, webhook times) come from the simulator's
 * clock so `employees/changed?since=` sees mutations made during a test.
 */
export const SIM_TODAY = "2026-07-01";

/** BambooHR's "no date" value for date fields (reference §6). */
export const ZERO_DATE = "0000-00-00";

const MS_PER_DAY = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDay(value: string): boolean {
  return ISO_DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

// Seeding converts hundreds of thousands of dates from a few thousand distinct
// days; caches keep that from dominating a 100,000-employee seed.
const daysCache = new Map<string, number>();

export function isoToDays(iso: string): number {
  let days = daysCache.get(iso);
  if (days === undefined) {
    days = Math.floor(Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY);
    if (daysCache.size < 50_000) daysCache.set(iso, days);
  }
  return days;
}

/** Day numbers from 1900 on index the cache (birth dates reach back before 1970). */
const CACHE_OFFSET = 25_567;
const isoCache = new Array<string | undefined>(100_000);

export function daysToIso(days: number): string {
  const slot = days + CACHE_OFFSET;
  let iso = isoCache[slot];
  if (iso === undefined) {
    iso = new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
    if (slot >= 0 && slot < 100_000) isoCache[slot] = iso;
  }
  return iso;
}

export function addDays(iso: string, days: number): string {
  return daysToIso(isoToDays(iso) + days);
}

/** `2024-05-01T12:34:56+00:00` from Unix seconds, the shape `employees/changed` and `lastChanged` use. */
export function toTimestamp(seconds: number): string {
  return `${new Date(seconds * 1000).toISOString().slice(0, 19)}+00:00`;
}

/** `2026-01-31T18:42:00+0000` from Unix seconds, the shape of webhook payload timestamps (reference §5.2). */
export function toWebhookTimestamp(seconds: number): string {
  return `${new Date(seconds * 1000).toISOString().slice(0, 19)}+0000`;
}

/**
 * Parses a `since` value into Unix seconds (fractions kept): ISO 8601 with a
 * time and an offset or `Z` (`2024-01-01T00:00:00Z`, `…+00:00`). Null when unusable.
 */
export function parseSince(raw: string | null): number | null {
  if (raw === null) return null;
  const value = raw.trim();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) return null;
  const normalized = value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2");
  const ms = Date.parse(normalized);
  return Number.isNaN(ms) ? null : ms / 1000;
}
