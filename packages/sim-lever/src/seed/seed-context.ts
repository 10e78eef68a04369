import type { Prng } from "../prng";
import type { Store } from "../store/store";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/**
 * Seeded data is anchored to a fixed instant, not the wall clock, so one seed always yields the same
 * timestamps. Live changes (hire, stage moves) use the real clock and so sort after seeded ones.
 */
export const SEED_ANCHOR_MS = Date.UTC(2026, 10, 1);

export interface SeedContext {
  prng: Prng;
  store: Store;
  /** API base, e.g. http://127.0.0.1:41235, used in downloadUrl fields. */
  baseUrl: string;
}

/** Midnight UTC of the day holding `ms`: Lever date pickers store a day, not an instant. */
export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

/** ASCII, lowercase, dot-separated form of a name for email local parts and slugs. */
export function asciiSlug(text: string, separator = "."): string {
  const slug = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ł/gi, "l")
    .replace(/ø/gi, "o")
    .replace(/[^A-Za-z0-9]+/g, separator)
    .replace(new RegExp(`^\\${separator}+|\\${separator}+$`, "g"), "")
    .toLowerCase();
  return slug.length > 0 ? slug : "candidate";
}
