import type { EeoRecord } from "./records";
import { hasStarted, type ModuleSeedContext } from "./seed-context";

/** EEO-1 race / ethnicity and job categories, as the US form words them. */
const RACES = [
  "White",
  "Black or African American",
  "Hispanic or Latino",
  "Asian",
  "Native Hawaiian or Other Pacific Islander",
  "American Indian or Alaska Native",
  "Two or More Races",
] as const;
const JOB_CATEGORIES = [
  "Executive/Senior Level Officials and Managers",
  "First/Mid-Level Officials and Managers",
  "Professionals",
  "Technicians",
  "Sales Workers",
  "Administrative Support Workers",
  "Service Workers",
] as const;

/**
 * One EEO record for most people who started; some never filled the form in (no record),
 * and some declined to state their race (null).
 */
export function seedEeo(ctx: ModuleSeedContext): EeoRecord[] {
  const rng = ctx.rng("eeo");
  const nextId = ctx.ids("eeo");
  const records: EeoRecord[] = [];
  for (const person of ctx.data.people) {
    if (!hasStarted(person) || rng.chance(0.12)) continue;
    records.push({
      id: nextId(),
      personId: person.id,
      race: rng.chance(0.1) ? null : rng.pick(RACES),
      jobCategory: rng.pick(JOB_CATEGORIES),
    });
  }
  return records;
}
