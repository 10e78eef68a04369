import { describe, expect, it } from "vitest";
import { intervalUnit, offeredSalary } from "../src/index";

describe("offeredSalary: what the offer says, never replaced by a computed figure", () => {
  it("a yearly salary goes out as offered, with Lever's interval word and no derived figure", () => {
    expect(offeredSalary({ amount: 131900, currency: "USD", interval: "per-year-salary" })).toEqual({
      amount: 131900,
      currency: "USD",
      interval: "per-year-salary",
    });
  });

  it.each([
    [31.5, "USD", "per-hour-wage", 65520, "2080 hours a year (40 h × 52 weeks)"],
    [400, "CAD", "per-day-wage", 104000, "260 working days a year (5 days × 52 weeks)"],
    [2000, "GBP", "per-week-salary", 104000, "52 weeks a year"],
    [8000, "EUR", "per-month-salary", 96000, "12 months a year"],
    [19.99, "USD", "Hourly", 41579.2, "2080 hours a year (40 h × 52 weeks)"],
  ])(
    "%s %s %s: the offered terms verbatim, and beside them %s a year, labelled derived",
    (amount, currency, interval, annual, assumption) => {
      expect(offeredSalary({ amount, currency, interval })).toEqual({
        amount,
        currency,
        interval,
        annual_equivalent: { amount: annual, currency, derived: true, assumption },
      });
    },
  );

  it("an interval Roster does not recognise still sends amount, currency and the interval verbatim, with no annual figure", () => {
    // Tried: words that name no unit, or a multiple of one (a ×26 or ×24 year, not ×52 or ×12).
    for (const interval of ["per-fortnight-bonus", "bi-weekly", "semi-monthly", "per-two-weeks", "one-time"]) {
      expect(offeredSalary({ amount: 1200, currency: "USD", interval })).toEqual({ amount: 1200, currency: "USD", interval });
    }
  });

  it("no interval on the offer: amount and currency, interval null (Roster does not guess a year)", () => {
    expect(offeredSalary({ amount: "95,000", currency: " usd ", interval: null })).toEqual({
      amount: 95000,
      currency: "USD",
      interval: null,
    });
  });

  it("no salary rather than a figure that could be misread: no amount, a negative one, or no ISO currency", () => {
    expect(offeredSalary({ amount: null, currency: "USD", interval: "per-year-salary" })).toBeNull();
    expect(offeredSalary({ amount: "lots", currency: "USD", interval: "per-year-salary" })).toBeNull();
    expect(offeredSalary({ amount: "", currency: "USD", interval: "per-year-salary" })).toBeNull();
    expect(offeredSalary({ amount: -5, currency: "USD", interval: "per-hour-wage" })).toBeNull();
    expect(offeredSalary({ amount: 100, currency: null, interval: "per-year-salary" })).toBeNull();
    expect(offeredSalary({ amount: 100, currency: "dollars", interval: "per-year-salary" })).toBeNull();
  });
});

describe("intervalUnit", () => {
  it.each([
    ["per-year-salary", "year"],
    ["per-hour-wage", "hour"],
    ["per-month-salary", "month"],
    ["annual", "year"],
    ["per-hours", null],
    ["biweekly", null],
    ["hour-or-day", null],
    [null, null],
  ])("%s → %s", (interval, unit) => {
    expect(intervalUnit(interval)).toBe(unit);
  });
});
