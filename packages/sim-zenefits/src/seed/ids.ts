import type { Rng } from "../prng";
import type { IdCounters } from "../store/records";

/** Realistic starting points (from public sample payloads) for each collection. */
export function initialIdCounters(): IdCounters {
  return {
    company: 216397,
    person: 9386668,
    department: 219736,
    location: 367177,
    employment: 1102233,
    customField: 5512,
    customFieldValue: 778899,
  };
}

/**
 * Hands out ascending numeric-string ids with small random gaps, so clients
 * cannot get away with assuming contiguous ids.
 */
export function takeId(counters: IdCounters, kind: keyof IdCounters, rng: Rng): string {
  const id = counters[kind];
  counters[kind] = id + rng.int(1, 3);
  return String(id);
}
