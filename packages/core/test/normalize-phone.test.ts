/**
 * normalizePhone runs twice per person on every sync, so libphonenumber-js is patched
 * (patches/libphonenumber-js@*.patch) to compile each metadata pattern once instead of on every
 * call. These cases walk the paths the patch touches: full-pattern validation, and the choice of
 * country among those sharing a calling code, by leading digits (+7, +44, +262, +590) or by
 * validating against each candidate in turn (+1). A wrongly anchored or cached pattern would
 * turn a valid number into null here, or an invalid one into an E.164 number.
 */
import { describe, expect, it } from "vitest";
import { normalizePhone } from "../src/index";

describe("normalizePhone", () => {
  it.each([
    ["(415) 555-0132", "+14155550132"],
    ["202 555 0143", "+12025550143"],
    ["+1 202 555 0143", "+12025550143"],
    // Other countries of the North American plan, told apart by validating against each.
    ["+1 416 555 0199", "+14165550199"],
    ["(416) 967-1111", "+14169671111"],
    ["+1 809 555 1234", "+18095551234"],
    ["+1 684 622 1234", "+16846221234"],
    // Countries sharing a calling code, told apart by leading digits.
    ["+7 701 123 4567", "+77011234567"],
    ["+7 912 345 6789", "+79123456789"],
    ["+44 7797 123456", "+447797123456"],
    ["+44 1534 123456", "+441534123456"],
    ["+44 20 7946 0958", "+442079460958"],
    ["+44 20 7946 0958 ext. 12", "+442079460958"],
    ["+262 262 12 34 56", "+262262123456"],
    ["+590 590 27 12 34", "+590590271234"],
    ["+33 1 23 45 67 89", "+33123456789"],
  ])("gives %s as %s", (input, e164) => {
    expect(normalizePhone(input)).toBe(e164);
  });

  it.each<[string | null, string]>([
    ["+1 123 456 7890", "no area code starts with 1"],
    ["+1 416 155 0199", "no exchange starts with 1"],
    ["(555) 555-5555", "555 is not an area code"],
    ["555.123.4567", "555 is not an area code"],
    ["+44 1534 12", "too short for Jersey"],
    ["+7 012 345 6789", "no +7 number starts with 0"],
    ["+262 999 12 34 56", "no Réunion or Mayotte prefix 999"],
    ["+590 123", "too short"],
    ["ext. 12", "an extension alone"],
    ["   ", "blank"],
    [null, "absent"],
  ])("keeps %s out (%s)", (input) => {
    expect(normalizePhone(input)).toBeNull();
  });

  it("answers the same for the same number asked many times, in any order", () => {
    const inputs = ["+1 416 555 0199", "+7 701 123 4567", "+1 123 456 7890", "+44 1534 123456", "(555) 555-5555"];
    const first = inputs.map((input) => normalizePhone(input));
    for (let round = 0; round < 3; round++) {
      expect([...inputs].reverse().map((input) => normalizePhone(input))).toEqual([...first].reverse());
    }
  });
});
