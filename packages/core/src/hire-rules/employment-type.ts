/**
 * Full-time, part-time, intern… as one normalised value with the ATS's own words kept beside it.
 * Provider-neutral and pure.
 */
import type { employmentTypes } from "../model/hire";

export type EmploymentTypeValue = (typeof employmentTypes)[number];

export interface EmploymentType {
  /** Normalised; null when the words name none of the types. */
  type: EmploymentTypeValue | null;
  /** The ATS's words as written ("Full-time", "Internship"). */
  as_written: string;
  /** Where the words came from, e.g. "offer" or "posting". */
  source: string;
}

/** Checked in order: the nature of the engagement (intern, contract, temporary) wins over its hours. */
const PATTERNS: readonly [RegExp, EmploymentTypeValue][] = [
  [/\b(intern|interns|internship|co op|coop|trainee|apprentice|apprenticeship)\b/, "intern"],
  [/\b(contract|contractor|freelance|freelancer|consultant|consulting|1099)\b/, "contractor"],
  [/\b(temp|temporary|seasonal|fixed term|casual)\b/, "temporary"],
  [/\b(part time|parttime)\b/, "part_time"],
  [/\b(full time|fulltime|permanent|regular)\b/, "full_time"],
];

/** "Full-time" → full_time, "Summer Internship" → intern, "Part time (fixed-term)" → temporary; else null. */
export function normalizeEmploymentType(words: string): EmploymentTypeValue | null {
  const flat = ` ${words.toLowerCase().replace(/[^a-z0-9]+/g, " ")} `;
  return PATTERNS.find(([pattern]) => pattern.test(flat))?.[1] ?? null;
}

/**
 * The first source (in the order given: the offer, then the posting) whose words name a type;
 * when none does, the first words present, with `type: null`; null when no source has words.
 */
export function employmentType(sources: readonly { words: unknown; source: string }[]): EmploymentType | null {
  const present = sources
    .filter((s): s is { words: string; source: string } => typeof s.words === "string" && s.words.trim() !== "")
    .map((s) => ({ type: normalizeEmploymentType(s.words), as_written: s.words.trim(), source: s.source }));
  return present.find((s) => s.type !== null) ?? present[0] ?? null;
}
