import { daysToIso, TODAY_DAYS } from "../seed/dates";
import { employmentsOf } from "../store/indexes";
import type { ModuleData, TimeDurationRecord } from "./records";
import type { ModuleSeedContext } from "./seed-context";
import { weekday } from "./seed-time-off";

/** The five weekdays before `SIM_TODAY`, oldest first. */
function lastWorkWeek(): number[] {
  const days: number[] = [];
  for (let day = TODAY_DAYS - 1; days.length < 5; day--) {
    if (weekday(day) !== 0 && weekday(day) !== 6) days.unshift(day);
  }
  return days;
}

const pad = (n: number) => String(n).padStart(2, "0");
const atMinute = (days: number, minute: number) =>
  `${daysToIso(days + Math.floor(minute / 1440))}T${pad(Math.floor((minute % 1440) / 60))}:${pad(minute % 60)}:00Z`;

/**
 * One shift per weekday of the last week for every active hourly employee. Shifts of the
 * last two days still wait for approval; about 3% miss their clock-out punch (`invalid`,
 * no end, no hours) and stay unapproved.
 */
export function seedTimeDurations(
  ctx: ModuleSeedContext,
  laborGroupsOfPerson: ModuleData["laborGroupsOfPerson"],
): TimeDurationRecord[] {
  const rng = ctx.rng("timeAttendance");
  const nextId = ctx.ids("timeDuration");
  const week = lastWorkWeek();
  const records: TimeDurationRecord[] = [];
  for (const person of ctx.data.people) {
    if (person.status !== "active") continue;
    const employment = employmentsOf(ctx.data, person.id).at(-1);
    if (employment?.compType !== "hourly") continue;
    const laborGroupId = laborGroupsOfPerson.get(person.id)?.[0]?.id ?? null;
    const halfDays = employment.hoursPerWeek === "20";
    for (const [index, day] of week.entries()) {
      const startMinute = rng.int(7 * 60, 10 * 60);
      const worked = halfDays ? rng.int(200, 280) : rng.int(420, 540);
      const missingPunch = rng.chance(0.03);
      const approved = !missingPunch && index < week.length - 2;
      records.push({
        id: nextId(),
        personId: person.id,
        approverId: approved ? (person.managerId ?? ctx.data.ownerPersonId) : null,
        laborGroupId,
        date: daysToIso(day),
        start: atMinute(day, startMinute),
        end: missingPunch ? null : atMinute(day, startMinute + worked),
        hours: missingPunch ? null : (worked / 60).toFixed(2),
        state: approved ? "approved" : "submitted",
        validStatus: missingPunch ? "invalid" : "valid",
        approvedAt: approved ? atMinute(day + 1, 10 * 60) : null,
      });
    }
  }
  return records;
}
