import { describe, expect, it } from "vitest";
import { currentEmploymentType, employmentTypeLabel } from "../src/pages/directory/employment-type";

describe("employment type on the person page", () => {
  it("says a type in one set of words, however the provider wrote it", () => {
    // Tried: the spellings Zenefits and BambooHR use. Holds: one label each, as the Employments table shows them.
    expect(["full_time", "FT", "Full-Time", "full time"].map(employmentTypeLabel)).toEqual(Array(4).fill("Full time"));
    expect(employmentTypeLabel("part_time")).toBe("Part time");
    expect(employmentTypeLabel("contract")).toBe("Contract");
    expect(employmentTypeLabel("seasonal_worker")).toBe("Seasonal worker");
    expect(employmentTypeLabel(null)).toBeNull();
  });

  it("takes the person's type from their current employment, so the details and the table agree", () => {
    // Tried: an ended part-time job and a current full-time one; then only ended jobs. Holds: the
    // active one wins; without one, the latest started.
    const ended = { employmentType: "part_time", isActive: false, startDate: "2020-01-01" };
    const current = { employmentType: "full_time", isActive: true, startDate: "2019-06-01" };
    expect(currentEmploymentType([ended, current])).toBe("Full time");
    const later = { employmentType: "contract", isActive: false, startDate: "2022-03-01" };
    expect(currentEmploymentType([ended, later])).toBe("Contract");
    expect(currentEmploymentType([])).toBeNull();
  });
});
