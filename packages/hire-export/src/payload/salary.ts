/**
 * Annual salary from a Lever offer (reference §4 Offer: `salary_amount` in whole currency
 * units, `salary_interval` such as "per-year-salary" or "per-hour-wage"; other interval words
 * are unconfirmed, so they are matched loosely).
 *
 * Roster's rule, for a full-time year: hourly × 2080 (40 h × 52 weeks), daily × 260
 * (5 days × 52 weeks), weekly × 52, monthly × 12, yearly × 1. Rounded to cents. An interval
 * Roster does not recognise gives no salary rather than a wrong one.
 */
const MULTIPLIERS: readonly [RegExp, number][] = [
  [/year|annual/i, 1],
  [/month/i, 12],
  [/week/i, 52],
  [/day|daily/i, 260],
  [/hour/i, 2080],
];

export const ANNUAL_INTERVAL = "year";

export interface AnnualSalary {
  amount: number;
  currency: string;
  interval: typeof ANNUAL_INTERVAL;
}

export function annualSalary(
  amount: string | number | boolean | null,
  currency: string | number | boolean | null,
  interval: string | number | boolean | null,
): AnnualSalary | null {
  const value =
    typeof amount === "number" ? amount : typeof amount === "string" ? Number(amount.replace(/[,\s]/g, "")) : Number.NaN;
  if (!Number.isFinite(value) || value < 0) return null;
  if (typeof currency !== "string" || !/^[A-Za-z]{3}$/.test(currency.trim())) return null;
  const words = typeof interval === "string" && interval.trim() !== "" ? interval : "per-year-salary";
  const multiplier = MULTIPLIERS.find(([pattern]) => pattern.test(words))?.[1];
  if (multiplier === undefined) return null;
  return {
    amount: Math.round(value * multiplier * 100) / 100,
    currency: currency.trim().toUpperCase(),
    interval: ANNUAL_INTERVAL,
  };
}
