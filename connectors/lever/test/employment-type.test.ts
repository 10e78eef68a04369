import { employmentType, normalizeEmploymentType } from "@roster/core";
import { describe, expect, it } from "vitest";
import { leverEmploymentSources, type RawOffer, type RawPosting } from "../src/index";

describe("normalizeEmploymentType", () => {
  it.each([
    ["Full-time", "full_time"],
    ["Full Time", "full_time"],
    ["Permanent", "full_time"],
    ["Part-time", "part_time"],
    ["part time", "part_time"],
    ["Intern", "intern"],
    ["Summer Internship", "intern"],
    ["Part-time Intern", "intern"],
    ["Contract", "contractor"],
    ["Freelance", "contractor"],
    ["Full-time contract", "contractor"],
    ["Temporary", "temporary"],
    ["Seasonal", "temporary"],
    ["Part-time (fixed-term)", "temporary"],
    ["Remote", null],
    ["Hybrid", null],
  ])("%s → %s", (words, type) => {
    expect(normalizeEmploymentType(words)).toBe(type);
  });
});

describe("employmentType: the first source that names a type, the words kept", () => {
  it("the offer's words win over the posting's", () => {
    expect(
      employmentType([
        { words: "Part-time", source: "offer" },
        { words: "Full-time", source: "posting" },
      ]),
    ).toEqual({ type: "part_time", as_written: "Part-time", source: "offer" });
  });

  it("no offer words: the posting's commitment", () => {
    expect(
      employmentType([
        { words: null, source: "offer" },
        { words: " Intern ", source: "posting" },
      ]),
    ).toEqual({ type: "intern", as_written: "Intern", source: "posting" });
  });

  it("offer words naming no type give way to a posting that names one; with none named, the first words go with type null", () => {
    expect(
      employmentType([
        { words: "Exempt", source: "offer" },
        { words: "Full-time", source: "posting" },
      ]),
    ).toEqual({ type: "full_time", as_written: "Full-time", source: "posting" });
    expect(
      employmentType([
        { words: "Exempt", source: "offer" },
        { words: "Remote", source: "posting" },
      ]),
    ).toEqual({ type: null, as_written: "Exempt", source: "offer" });
  });

  it("null when no source has words (a number or a blank is not words)", () => {
    expect(employmentType([])).toBeNull();
    expect(
      employmentType([
        { words: 3, source: "offer" },
        { words: "  ", source: "posting" },
      ]),
    ).toBeNull();
  });
});

describe("leverEmploymentSources: where Lever may say it", () => {
  const offer = (fields: { identifier: string; text: string; value: string }[]): RawOffer => ({
    id: "o1",
    status: "signed",
    createdAt: null,
    sentAt: null,
    fields,
  });
  const posting = {
    id: "p1",
    text: "Engineer",
    hiringManager: null,
    owner: null,
    categories: { commitment: "Full-time" },
  } as RawPosting;

  it("an offer field named like an employment type, by identifier or by label, custom or not; else the posting's commitment", () => {
    const byIdentifier = offer([{ identifier: "custom_employment_type", text: "Type", value: "Intern" }]);
    const byLabel = offer([{ identifier: "custom_f81c", text: "Employment Type", value: "Contract" }]);
    const unrelated = offer([{ identifier: "custom_equity", text: "equity", value: "500" }]);
    expect(employmentType(leverEmploymentSources(byIdentifier, posting))).toEqual({
      type: "intern",
      as_written: "Intern",
      source: "offer",
    });
    expect(employmentType(leverEmploymentSources(byLabel, posting))).toEqual({
      type: "contractor",
      as_written: "Contract",
      source: "offer",
    });
    expect(employmentType(leverEmploymentSources(unrelated, posting))).toEqual({
      type: "full_time",
      as_written: "Full-time",
      source: "posting",
    });
    expect(employmentType(leverEmploymentSources(null, null))).toBeNull();
  });
});
