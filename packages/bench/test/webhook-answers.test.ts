import { describe, expect, it } from "vitest";
import { type Delivery, unexpectedAnswers } from "../src/scenarios/webhook-burst";

const delivery = (opportunityId: string, token: string, kind: Delivery["kind"] = "original"): Delivery => ({
  opportunityId,
  token,
  kind,
  body: "{}",
});

describe("figure 7's check of the webhook route's answers", () => {
  it("accepts 202 then 409 for a re-sent delivery, and 200 for a second hire event of a hire already sent", () => {
    // Tried: hire a delivered once, then re-sent; hire b delivered under two tokens, the second
    // after the first was sent. Must hold: nothing is reported.
    const deliveries = [
      delivery("a", "ta1"),
      delivery("b", "tb1"),
      delivery("a", "ta1", "resent"),
      delivery("b", "tb2", "new token"),
    ];
    expect(unexpectedAnswers(deliveries, [202, 202, 409, 200])).toEqual([]);
  });

  it("reports a hire nobody queued, a lone delivery answered 200, and a token accepted twice", () => {
    // Tried: hire b's two tokens both answered 200; hire a's one token 200; hire c's token 202
    // twice. Must hold: each is reported.
    const deliveries = [
      delivery("a", "ta1"),
      delivery("b", "tb1"),
      delivery("b", "tb2", "new token"),
      delivery("c", "tc1"),
      delivery("c", "tc1", "resent"),
    ];
    const problems = unexpectedAnswers(deliveries, [200, 200, 200, 202, 202]);
    expect(problems).toEqual([
      "delivery ta1… answered 200",
      "no delivery of ta1…'s hire was queued",
      "no delivery of tb1…'s hire was queued",
      "delivery tc1… answered 202, 202",
    ]);
  });
});
