/**
 * The salary as the offer states it, plus (for a non-yearly interval) an annual figure labelled
 * as derived. Provider-neutral and pure. The offered terms are never replaced: the HRIS gets
 * the amount, currency and the ATS's own interval word verbatim (Lever: `per-year-salary`,
 * `per-hour-wage`, …; reference lever-api.md §4 Offer, vocabulary beyond yearly unconfirmed).
 */

export interface AnnualEquivalent {
  amount: number;
  currency: string;
  /** Always true: Roster computed it; the offer does not say it. */
  derived: true;
  /** The working year the figure assumes, in words. */
  assumption: string;
}

export interface OfferedSalary {
  amount: number;
  currency: string;
  /** The ATS's interval word as written, null when the offer gives none. */
  interval: string | null;
  annual_equivalent?: AnnualEquivalent;
}

/** Roster's full-time year for each unit an interval word can name. */
const UNITS: Readonly<Record<string, { perYear: number; assumption: string } | "year">> = {
  hour: { perYear: 2080, assumption: "2080 hours a year (40 h × 52 weeks)" },
  day: { perYear: 260, assumption: "260 working days a year (5 days × 52 weeks)" },
  week: { perYear: 52, assumption: "52 weeks a year" },
  month: { perYear: 12, assumption: "12 months a year" },
  year: "year",
};
const UNIT_WORDS: Readonly<Record<string, keyof typeof UNITS>> = {
  hour: "hour",
  hourly: "hour",
  day: "day",
  daily: "day",
  week: "week",
  weekly: "week",
  month: "month",
  monthly: "month",
  year: "year",
  yearly: "year",
  annual: "year",
  annually: "year",
};

/** Words that make a unit a multiple or a fraction of itself ("bi-weekly", "semi-monthly", "per-two-weeks"). */
const MULTIPLE_WORDS = new Set(["bi", "semi", "two", "twice", "half"]);

/**
 * The one time unit an interval word names ("per-hour-wage" → hour), or null. Words are
 * matched whole, so "bi-weekly" or "semi-monthly" name no unit Roster knows (no wrong figure).
 */
export function intervalUnit(interval: string | null): keyof typeof UNITS | null {
  if (!interval) return null;
  const words = interval.toLowerCase().split(/[^a-z]+/);
  if (words.some((w) => MULTIPLE_WORDS.has(w))) return null;
  const units = new Set(words.map((w) => UNIT_WORDS[w]).filter((u) => u !== undefined));
  return units.size === 1 ? [...units][0]! : null;
}

const toAmount = (value: unknown): number | null => {
  const n = typeof value === "number" ? value : typeof value === "string" ? Number(value.replace(/[,\s]/g, "")) : Number.NaN;
  return typeof value === "string" && value.trim() === "" ? null : Number.isFinite(n) && n >= 0 ? n : null;
};

/**
 * What the offer says, or null when it names no usable amount or no ISO currency (a figure
 * without its currency would be misread). An interval Roster does not recognise still goes
 * out verbatim, just without an annual equivalent.
 */
export function offeredSalary(terms: { amount: unknown; currency: unknown; interval: unknown }): OfferedSalary | null {
  const amount = toAmount(terms.amount);
  const currency = typeof terms.currency === "string" ? terms.currency.trim().toUpperCase() : "";
  if (amount === null || !/^[A-Z]{3}$/.test(currency)) return null;
  const interval = typeof terms.interval === "string" && terms.interval.trim() !== "" ? terms.interval.trim() : null;
  const unit = intervalUnit(interval);
  const rule = unit ? UNITS[unit] : undefined;
  if (!rule || rule === "year") return { amount, currency, interval };
  return {
    amount,
    currency,
    interval,
    annual_equivalent: {
      amount: Math.round(amount * rule.perYear * 100) / 100,
      currency,
      derived: true,
      assumption: rule.assumption,
    },
  };
}
