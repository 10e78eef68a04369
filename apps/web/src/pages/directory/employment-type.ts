import { humanize } from "../../format";

/** Employment types as providers write them, in the words the person page uses everywhere. */
const labels: Record<string, string> = {
  full_time: "Full time",
  ft: "Full time",
  fulltime: "Full time",
  part_time: "Part time",
  pt: "Part time",
  parttime: "Part time",
  temporary: "Temporary",
  temp: "Temporary",
  contract: "Contract",
  contractor: "Contract",
  intern: "Intern",
  internship: "Intern",
};

/** "full_time", "FT", "Full-time" → "Full time"; anything else, humanized. */
export function employmentTypeLabel(value: string | null): string | null {
  if (!value) return null;
  const key = value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  return labels[key] ?? labels[key.replace(/_/g, "")] ?? humanize(value);
}

interface EmploymentLike {
  employmentType: string | null;
  isActive: boolean | null;
  startDate: string | null;
}

/**
 * The person's employment type as the Employments table shows it: their current employment's
 * (the active one, else the latest started). Null without employments; the page then falls back
 * on the person record's own type, through the same words.
 */
export function currentEmploymentType(employments: readonly EmploymentLike[]): string | null {
  const current =
    employments.find((e) => e.isActive === true) ??
    [...employments].sort((a, b) => (b.startDate ?? "").localeCompare(a.startDate ?? ""))[0];
  return employmentTypeLabel(current?.employmentType ?? null);
}
