import { describe, expect, it } from "vitest";
import { overallScore, type RawFeedback } from "../src/index";

const SCALE = [{ text: "4 - Strong Hire" }, { text: "3 - Hire" }, { text: "2 - No Hire" }, { text: "1 - Strong No Hire" }];

type Field = NonNullable<RawFeedback["fields"]>[number];

const form = (field: Field | null): RawFeedback => ({
  id: "f1",
  interview: null,
  user: "u1",
  createdAt: null,
  completedAt: null,
  deletedAt: null,
  fields: field ? [{ type: "score", text: "Communication", value: 2 }, field] : [],
});

describe("overallScore: a scorecard's overall rating as a number, Lever's words kept", () => {
  it.each([
    ["the documented string", { type: "score-system", options: SCALE, value: "3 - Hire" }, { score: 3, label: "3 - Hire" }],
    [
      "an integer, labelled from the scale",
      { type: "score-system", options: SCALE, value: 4 },
      { score: 4, label: "4 - Strong Hire" },
    ],
    ["an integer without a scale", { type: "score-system", value: 2 }, { score: 2, label: null }],
    [
      "the doc's `score` field flagged overall",
      { type: "score", overall: true, value: "1 - Strong No Hire" },
      { score: 1, label: "1 - Strong No Hire" },
    ],
    ["scale words without a number", { type: "score-system", value: "Strong hire" }, { score: 4, label: "Strong hire" }],
    [
      "words off the scale: kept, no number",
      { type: "score-system", value: "Maybe later" },
      { score: null, label: "Maybe later" },
    ],
    ["a number off the 1–4 scale", { type: "score-system", options: SCALE, value: 7 }, { score: null, label: null }],
    ["no rating given", { type: "score-system", options: SCALE, value: null }, { score: null, label: null }],
  ])("%s", (_what, field, expected) => {
    expect(overallScore(form(field))).toEqual(expected);
  });

  it("a form without an overall field has no score (a `score` field alone is one competency, not the verdict)", () => {
    expect(overallScore(form(null))).toEqual({ score: null, label: null });
    expect(overallScore({ ...form(null), fields: [{ type: "score", text: "Depth", value: 4 }] })).toEqual({
      score: null,
      label: null,
    });
  });
});
