import type { Rng } from "../prng";
import { daysToIso, isoToDays, TODAY_DAYS } from "../seed/dates";
import { employmentsOf } from "../store/indexes";
import type { PersonRecord } from "../store/records";
import type { ModuleData, VacationRequestRecord, VacationRequestStatus, VacationTypeRecord } from "./records";
import { hasStarted, type ModuleSeedContext } from "./seed-context";

const TYPES = [
  { name: "Vacation", countsAs: "vacation", status: "active", weight: 0.6 },
  { name: "Sick leave", countsAs: "sick", status: "active", weight: 0.25 },
  { name: "Personal day", countsAs: "personal", status: "active", weight: 0.1 },
  { name: "Bereavement", countsAs: "other", status: "active", weight: 0.03 },
  { name: "Jury duty", countsAs: "other", status: "active", weight: 0.02 },
  { name: "Floating holiday", countsAs: "vacation", status: "inactive", weight: 0 },
] as const;

const REASONS = ["Family trip", "Doctor's appointment", "Moving house", "Wedding", "Long weekend", "Conference"];
const DENY_REASONS = ["Team coverage during release week", "Overlaps the quarter close", "Balance too low"];

/** Weekday of a day number (0 = Sunday); day 0, 1970-01-01, was a Thursday. */
export const weekday = (days: number) => (days + 4) % 7;

function pickWeighted<T extends { weight: number }>(rng: Rng, items: readonly T[]): T {
  let roll = rng.next() * items.reduce((sum, item) => sum + item.weight, 0);
  for (const item of items) {
    roll -= item.weight;
    if (roll < 0) return item;
  }
  return items[0] as T;
}

/** The statuses a request can have: decided in the past, mostly pending in the future. */
function statusFor(rng: Rng, startDays: number): VacationRequestStatus {
  if (startDays > TODAY_DAYS) return rng.chance(0.7) ? "requested" : "approved";
  const roll = rng.next();
  return roll < 0.85 ? "approved" : roll < 0.93 ? "denied" : "canceled";
}

/**
 * Time-off types of the company and 0–3 requests per person who started, over the year
 * around `SIM_TODAY`, within their employment. Sick days last one day, others one to five.
 */
export function seedTimeOff(ctx: ModuleSeedContext): Pick<ModuleData, "vacationTypes" | "vacationRequests"> {
  const rng = ctx.rng("timeOff");
  const nextTypeId = ctx.ids("vacationType");
  const nextRequestId = ctx.ids("vacationRequest");
  const companyId = ctx.data.company.id;
  const types = TYPES.map((type) => ({ record: { id: nextTypeId(), companyId, ...type } as VacationTypeRecord, type }));
  const requestable = types.filter((t) => t.type.status === "active").map((t) => ({ ...t, weight: t.type.weight }));

  const requests: VacationRequestRecord[] = [];
  for (const person of ctx.data.people) {
    if (!hasStarted(person)) continue;
    const window = employmentWindow(ctx, person);
    if (window === null) continue;
    const count = rng.int(0, 3);
    for (let i = 0; i < count; i++) {
      const { record: type } = pickWeighted(rng, requestable);
      const days = type.countsAs === "sick" ? 1 : rng.int(1, 5);
      const start = window.from + rng.int(0, Math.max(0, window.to - window.from - days));
      const status = statusFor(rng, start);
      const created = Math.max(window.from, start - rng.int(3, 30));
      requests.push({
        id: nextRequestId(),
        personId: person.id,
        creatorId: person.managerId !== null && rng.chance(0.1) ? person.managerId : person.id,
        typeId: type.id,
        status,
        startDate: daysToIso(start),
        endDate: daysToIso(start + days - 1),
        hours: `${days * 8}.00`,
        reason: rng.chance(0.5) ? rng.pick(REASONS) : null,
        denyReason: status === "denied" ? rng.pick(DENY_REASONS) : null,
        approvedDate: status === "approved" ? daysToIso(Math.min(TODAY_DAYS, created + rng.int(0, 3))) : null,
        createdDate: daysToIso(Math.min(TODAY_DAYS, created)),
      });
    }
  }
  return { vacationTypes: types.map((t) => t.record), vacationRequests: requests };
}

/** Days a request may fall on: the last year and the next two months, inside the latest employment. */
function employmentWindow(ctx: ModuleSeedContext, person: PersonRecord): { from: number; to: number } | null {
  const employment = employmentsOf(ctx.data, person.id).at(-1);
  if (!employment) return null;
  const from = Math.max(TODAY_DAYS - 330, isoToDays(employment.hireDate));
  const end = employment.terminationDate === null ? TODAY_DAYS + 60 : isoToDays(employment.terminationDate);
  const to = Math.min(TODAY_DAYS + 60, end);
  return to > from ? { from, to } : null;
}
