import { describe, expect, it } from "vitest";
import { alreadySentRefusal, canSeeHireTransfers } from "../src/index";

describe("alreadySentRefusal: a candidate already sent", () => {
  const at = new Date("2026-11-03T10:00:00Z");
  it("sent as a hire: every trigger is refused, with the date", () => {
    for (const trigger of ["webhook", "reconcile", "manual"] as const) {
      expect(alreadySentRefusal({ transferId: "t", stage: "hired", succeededAt: at }, trigger, "Zenefits")).toMatch(
        /^Already sent to Zenefits as a hire on 2026-11-03/,
      );
    }
  });

  it("sent at the offer step: the button is refused, the hire (webhook, periodic check) may still go", () => {
    const sent = { transferId: "t", stage: "offer", succeededAt: at } as const;
    expect(alreadySentRefusal(sent, "manual", "Zenefits")).toMatch(/^Already sent to Zenefits at the offer step on 2026-11-03/);
    expect(alreadySentRefusal(sent, "webhook", "Zenefits")).toBeNull();
    expect(alreadySentRefusal(sent, "reconcile", "Zenefits")).toBeNull();
  });

  it("never sent: nothing to refuse", () => {
    expect(alreadySentRefusal(null, "manual", "Zenefits")).toBeNull();
  });
});

describe("canSeeHireTransfers", () => {
  it.each([
    ["owner", false, true],
    ["owner", true, true],
    ["admin", false, true],
    ["admin", true, true],
    ["member", false, false],
    ["member", true, true],
  ] as const)("%s, sensitive %s → %s", (role, sensitive, allowed) => {
    expect(canSeeHireTransfers({ role, sensitive })).toBe(allowed);
  });
});
