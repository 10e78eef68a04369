import { describe, expect, it } from "vitest";
import { safeNext } from "../src/pages/auth/safe-next";

describe("safeNext", () => {
  it("returns to a page of this site after sign-in", () => {
    expect(safeNext("?next=%2Fmembers")).toBe("/members");
    expect(safeNext("next=/settings/hris/zenefits")).toBe("/settings/hris/zenefits");
  });

  it("never sends anyone to another origin", () => {
    for (const next of ["//evil.example", "https://evil.example", "javascript:alert(1)", "evil", ""]) {
      expect(safeNext(`?next=${encodeURIComponent(next)}`)).toBe("/");
    }
    expect(safeNext("")).toBe("/");
  });
});
