import { describe, expect, it } from "vitest";
import {
  formatCount,
  formatDate,
  formatDateTime,
  formatDuration,
  formatExact,
  formatIsoDate,
  formatRelative,
  humanize,
  plural,
} from "../src/format";

describe("format", () => {
  const now = Date.parse("2026-11-23T12:00:00Z");
  const at = (ms: number) => new Date(now + ms).toISOString();

  it("writes times relative to now, in the unit a person would say", () => {
    expect(formatRelative(at(-10_000), now)).toBe("just now");
    expect(formatRelative(at(-5 * 60_000), now)).toBe("5 minutes ago");
    expect(formatRelative(at(59.9 * 60_000), now)).toBe("in 1 hour");
    expect(formatRelative(at(23 * 3_600_000), now)).toBe("in 23 hours");
    expect(formatRelative(at(-30 * 3_600_000), now)).toBe("yesterday");
  });

  it("writes counts, durations, dates and stream names", () => {
    expect(formatCount(1234)).toBe("1,234");
    expect(plural(1, "person", "people")).toBe("1 person");
    expect(plural(10000, "person", "people")).toBe("10,000 people");
    expect(formatDuration(40)).toBe("40 ms");
    expect(formatDuration(2_500)).toBe("2.5 s");
    expect(formatDuration(75_000)).toBe("1 min 15 s");
    expect(formatIsoDate("2024-03-01")).toBe("1 Mar 2024");
    expect(formatDate("2026-11-03T12:00:00Z")).toBe("3 Nov 2026");
    expect(humanize("customFieldValues")).toBe("Custom field values");
    expect(humanize("invalid_credentials")).toBe("Invalid credentials");
  });

  it("writes a moment one way, and exactly (seconds and time zone) for the hover title", () => {
    // Tried: one instant through both. Must hold: the short form is the exact one without its
    // seconds and zone, so the page and the hover never disagree on the day or the minute.
    const moment = "2026-11-23T12:34:56Z";
    const short = formatDateTime(moment);
    const exact = formatExact(moment);
    expect(short).toMatch(/^\d{1,2} \w{3} 2026, \d{2}:\d{2}$/);
    expect(exact.startsWith(short)).toBe(true);
    expect(exact).toMatch(/:56 /);
  });
});
