/**
 * Date helpers on whole days. The simulator has a fixed "today" so that seeds
 * and mutations are reproducible regardless of the wall clock.
 */
export const SIM_TODAY = "2025-07-01";

const MS_PER_DAY = 86_400_000;

export function isoToDays(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY);
}

// Seeding formats hundreds of thousands of dates from a few thousand distinct
// days; a plain array indexed by day number is the cheapest cache.
const isoCache: (string | undefined)[] = [];

export function daysToIso(days: number): string {
  let iso = isoCache[days];
  if (iso === undefined) {
    iso = new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
    if (days >= 0 && days < 100_000) isoCache[days] = iso;
  }
  return iso;
}

export const TODAY_DAYS = isoToDays(SIM_TODAY);
