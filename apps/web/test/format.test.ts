import { describe, expect, it } from "vitest";
import { formatCount, formatDate, formatDuration, formatIsoDate, formatRelative, humanize, plural } from "../src/format";

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
});
