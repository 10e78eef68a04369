import { collectInterviewers, type InterviewSlot, type Scorecard } from "@roster/core";
import { describe, expect, it } from "vitest";
import { leverInterviewInputs, type RawFeedback, type RawInterview, type RawUser } from "../src/index";

const HOUR = 3_600_000;
const person = (id: string | null, name: string | null, email: string | null = null) => ({ id, name, email });
const slot = (id: string, date: number | null, people: ReturnType<typeof person>[], canceled = false): InterviewSlot => ({
  id,
  date,
  canceled,
  interviewers: people,
});
const card = (
  id: string,
  author: ReturnType<typeof person>,
  at: number | null,
  score: number | null,
  extra: Partial<Scorecard> = {},
): Scorecard => ({
  id,
  author,
  interviewId: null,
  at,
  deleted: false,
  score,
  scoreLabel: score === null ? null : `${score} - words`,
  ...extra,
});

const ada = person("u-ada", "Ada", "ada@acme.example");
const bo = person("u-bo", "Bo", "bo@acme.example");
const cy = person("u-cy", "Cy", "cy@acme.example");
const di = person("u-di", "Di", "di@acme.example");

describe("collectInterviewers: one entry per person, scored by their latest live scorecard", () => {
  it("a person with two scorecards is listed once, scored by the later one", () => {
    // Tried: Ada interviews twice and submits a form each time (the second a lower rating).
    const result = collectInterviewers(
      [slot("i1", 1 * HOUR, [ada, bo]), slot("i2", 5 * HOUR, [ada])],
      [
        card("f1", ada, 2 * HOUR, 4, { interviewId: "i1" }),
        card("f2", bo, 3 * HOUR, 3, { interviewId: "i1" }),
        card("f3", ada, 6 * HOUR, 2, { interviewId: "i2" }),
      ],
    );
    expect(result).toEqual([
      { name: "Ada", email: "ada@acme.example", score: 2, score_label: "2 - words" },
      { name: "Bo", email: "bo@acme.example", score: 3, score_label: "3 - words" },
    ]);
  });

  it("the latest form decides even when submitted for an earlier interview; listing order stays first appearance", () => {
    const result = collectInterviewers(
      [slot("i2", 5 * HOUR, [bo]), slot("i1", 1 * HOUR, [ada, bo])],
      [card("late", ada, 9 * HOUR, 1, { interviewId: "i1" }), card("early", ada, 7 * HOUR, 4, { interviewId: "i2" })],
    );
    expect(result.map((r) => [r.name, r.score])).toEqual([
      ["Ada", 1],
      ["Bo", null],
    ]);
  });

  it("a deleted scorecard counts for nothing: its author keeps their interview entry with no score", () => {
    const result = collectInterviewers(
      [slot("i1", HOUR, [ada, bo])],
      [card("f1", ada, 2 * HOUR, 4, { deleted: true }), card("f2", bo, 2 * HOUR, 3)],
    );
    expect(result.map((r) => [r.name, r.score, r.score_label])).toEqual([
      ["Ada", null, null],
      ["Bo", 3, "3 - words"],
    ]);
  });

  it("a canceled interview lists nobody, and its scorecards count for nothing", () => {
    // Tried: Cy's only interview was canceled (and Cy had filed a form for it); Bo was on both.
    const result = collectInterviewers(
      [slot("i1", HOUR, [bo]), slot("i2", 2 * HOUR, [cy, bo], true)],
      [card("f1", cy, 3 * HOUR, 4, { interviewId: "i2" }), card("f2", bo, 3 * HOUR, 2, { interviewId: "i2" })],
    );
    expect(result).toEqual([{ name: "Bo", email: "bo@acme.example", score: null, score_label: null }]);
  });

  it("authors of scorecards who were on no interview follow, in the order they first submitted", () => {
    const result = collectInterviewers(
      [slot("i1", HOUR, [ada])],
      [card("f1", di, 8 * HOUR, 3), card("f2", cy, 4 * HOUR, 2), card("f3", di, 2 * HOUR, 1), card("f4", ada, 3 * HOUR, 4)],
    );
    expect(result.map((r) => [r.name, r.score])).toEqual([
      ["Ada", 4],
      ["Di", 3],
      ["Cy", 2],
    ]);
  });

  it("known by user id, else by email (case aside); a scorecard with neither names nobody", () => {
    const result = collectInterviewers(
      [slot("i1", HOUR, [person(null, "Ada", "Ada@Acme.example")])],
      [
        card("f1", person("u-ada", "Ada Lovelace", "ada@acme.example"), 2 * HOUR, 3),
        card("f2", person(null, null, null), 3 * HOUR, 1),
      ],
    );
    expect(result).toEqual([{ name: "Ada", email: "Ada@Acme.example", score: 3, score_label: "3 - words" }]);
  });

  it("undated interviews come after dated ones; a person without a name is named by email", () => {
    const result = collectInterviewers([slot("i1", null, [person("u-x", null, "x@acme.example")]), slot("i2", HOUR, [bo])], []);
    expect(result.map((r) => r.name)).toEqual(["Bo", "x@acme.example"]);
  });
});

describe("leverInterviewInputs: Lever interviews and feedback as the rule's inputs", () => {
  const rating = (value: unknown) => [{ type: "score-system", text: "Rating", value }];
  const interviews: RawInterview[] = [
    { id: "i1", date: 1000, canceledAt: null, interviewers: [{ id: "u-ada", name: "Ada", email: "ada@acme.example" }] },
    { id: "i2", date: 2000, canceledAt: 1500, interviewers: [{ id: "u-cy", name: "Cy", email: "cy@acme.example" }] },
  ];
  const feedback: RawFeedback[] = [
    { id: "f1", interview: "i1", user: "u-ada", createdAt: 1100, completedAt: 1200, deletedAt: null, fields: rating("3 - Hire") },
    {
      id: "f2",
      interview: null,
      user: "u-ada",
      createdAt: 3000,
      completedAt: null,
      deletedAt: null,
      fields: rating("4 - Strong Hire"),
    },
    { id: "f3", interview: null, user: "u-hm", createdAt: 900, completedAt: 950, deletedAt: null, fields: rating(2) },
    { id: "f4", interview: null, user: "u-gone", createdAt: 800, completedAt: 800, deletedAt: null, fields: [] },
    {
      id: "f5",
      interview: "i1",
      user: "u-ada",
      createdAt: 5000,
      completedAt: 5000,
      deletedAt: 6000,
      fields: rating("1 - Strong No Hire"),
    },
  ];
  const users: Record<string, RawUser> = {
    "u-hm": { id: "u-hm", name: "Hana Manager", email: "hana@acme.example", deactivatedAt: null },
  };

  it("scores come from the overall rating; completedAt, else createdAt, orders forms; authors are named from /users", () => {
    const { interviews: slots, scorecards } = leverInterviewInputs(interviews, feedback, users);
    expect(slots.map((s) => [s.id, s.canceled])).toEqual([
      ["i1", false],
      ["i2", true],
    ]);
    expect(collectInterviewers(slots, scorecards)).toEqual([
      // f2 (created 3000, never completed) is Ada's latest; f5 is deleted.
      { name: "Ada", email: "ada@acme.example", score: 4, score_label: "4 - Strong Hire" },
      { name: "Lever user u-gone", email: null, score: null, score_label: null },
      { name: "Hana Manager", email: "hana@acme.example", score: 2, score_label: null },
    ]);
  });
});
