import type { Rng } from "../prng";
import type { EmploymentRecord, PersonRecord } from "../store/records";
import { daysToIso, isoToDays, TODAY_DAYS } from "./dates";
import { TERMINATION_TYPES } from "./vocabulary";

const EARLIEST_HIRE = isoToDays("2010-01-04");

function randomTerms(
  rng: Rng,
): Pick<EmploymentRecord, "employmentType" | "compType" | "annualSalary" | "payRate" | "hoursPerWeek" | "isFlsaExempt"> {
  const roll = rng.next();
  const employmentType = roll < 0.8 ? "full_time" : roll < 0.9 ? "part_time" : roll < 0.94 ? "temporary" : "contract";
  const hourly = employmentType === "part_time" || employmentType === "temporary" || rng.chance(0.15);
  return {
    employmentType,
    compType: hourly ? "hourly" : "salary",
    annualSalary: hourly ? null : `${rng.int(45, 260) * 1000}.00`,
    payRate: hourly ? `${rng.int(15, 80)}.${String(rng.int(0, 3) * 25).padStart(2, "0")}` : null,
    hoursPerWeek: employmentType === "part_time" ? "20" : "40",
    isFlsaExempt: hourly ? "false" : "true",
  };
}

/**
 * Employments follow the person's status: terminated people have a
 * termination date, pending hires start in the future, rehires get an older
 * terminated employment first. The admin-only account has none.
 *
 * People with status `deleted` left too, so their employment ends as well
 * (`unclassified`: a deleted record says nothing about why). That end is drawn
 * from `deletedEndRng`, a stream of its own, so the main stream, and with it
 * everything else the seed produces, is the same as before deleted people had one.
 */
export function employmentsFor(
  rng: Rng,
  person: PersonRecord,
  isRehire: boolean,
  nextId: () => string,
  deletedEndRng: Rng = rng,
): EmploymentRecord[] {
  if (person.type === "admin") return [];
  const out: EmploymentRecord[] = [];
  const pending = person.status === "requested" || person.status === "setup";
  let hireDays = pending ? TODAY_DAYS + rng.int(7, 60) : rng.int(EARLIEST_HIRE, TODAY_DAYS - 30);
  if (isRehire) {
    const firstHire = rng.int(EARLIEST_HIRE, EARLIEST_HIRE + 1500);
    const firstEnd = firstHire + rng.int(200, 900);
    out.push({
      id: nextId(),
      personId: person.id,
      hireDate: daysToIso(firstHire),
      terminationDate: daysToIso(firstEnd),
      terminationType: "regretted",
      isActive: false,
      ...randomTerms(rng),
    });
    hireDays = Math.max(hireDays, firstEnd + rng.int(90, 700));
    hireDays = Math.min(hireDays, TODAY_DAYS - 1);
  }
  const id = nextId();
  const end = endOf(rng, deletedEndRng, person, hireDays);
  out.push({
    id,
    personId: person.id,
    hireDate: daysToIso(hireDays),
    terminationDate: end === null ? null : daysToIso(end.days),
    terminationType: end?.type ?? null,
    isActive: person.status === "active" || person.status === "leave_of_absence" || pending,
    ...randomTerms(rng),
  });
  return out;
}

/** When and how the current employment ended, for people who left; null for everyone else. */
function endOf(rng: Rng, deletedEndRng: Rng, person: PersonRecord, hireDays: number): { days: number; type: string } | null {
  if (person.status === "terminated") {
    const days = Math.min(TODAY_DAYS, hireDays + rng.int(30, 2000));
    return { days, type: rng.pick(TERMINATION_TYPES) };
  }
  if (person.status === "deleted") {
    return { days: Math.min(TODAY_DAYS, hireDays + deletedEndRng.int(30, 2000)), type: "unclassified" };
  }
  return null;
}
