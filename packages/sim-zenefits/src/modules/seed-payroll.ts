import { daysToIso, isoToDays, TODAY_DAYS } from "../seed/dates";
import { employmentsOf } from "../store/indexes";
import type { EmploymentRecord } from "../store/records";
import type { ModuleData, PayrunRecord, PayStubRecord } from "./records";
import { hasStarted, type ModuleSeedContext } from "./seed-context";

/** Semi-monthly pay periods of the year before `SIM_TODAY` (1st–15th, 16th–end), paid on their last day. */
function payPeriodsOfYear(year: number): { start: number; end: number }[] {
  const periods: { start: number; end: number }[] = [];
  for (let month = 0; month < 12; month++) {
    const first = Date.UTC(year, month, 1) / 86_400_000;
    const last = Date.UTC(year, month + 1, 0) / 86_400_000;
    periods.push({ start: first, end: first + 14 }, { start: first + 15, end: last });
  }
  return periods;
}

interface EmploymentWindow {
  employment: EmploymentRecord;
  from: number;
  to: number;
  /** Index (in the year's periods) of the first period paid in this employment. */
  firstPaid: number;
}

function windowsOf(employments: readonly EmploymentRecord[], periods: readonly { end: number }[]): EmploymentWindow[] {
  return employments.map((employment) => {
    const from = isoToDays(employment.hireDate);
    const to = employment.terminationDate === null ? Number.POSITIVE_INFINITY : isoToDays(employment.terminationDate);
    const firstPaid = periods.findIndex((p) => p.end >= from);
    return { employment, from, to, firstPaid: firstPaid < 0 ? periods.length : firstPaid };
  });
}

/** Gross pay of one semi-monthly period in cents: a 24th of the salary, or the rate times half a month's hours. */
function periodGrossCents(employment: EmploymentRecord): number {
  if (employment.annualSalary !== null) return Math.round((Number(employment.annualSalary) * 100) / 24);
  const hoursPerPeriod = (Number(employment.hoursPerWeek) * 52) / 24;
  return Math.round(Number(employment.payRate ?? "0") * 100 * hoursPerPeriod);
}

/**
 * Six regular payruns (the last three months' semi-monthly periods) and one off-cycle
 * bonus run. A regular run pays everyone whose employment overlaps its period; the
 * bonus run pays about a tenth of the salaried people. Year-to-date amounts count the
 * periods of the year the person was employed in.
 */
export function seedPayroll(
  ctx: ModuleSeedContext,
  laborGroupsOfPerson: ModuleData["laborGroupsOfPerson"],
): Pick<ModuleData, "payruns" | "payStubs"> {
  const rng = ctx.rng("payroll");
  const nextRunId = ctx.ids("payrun");
  const nextStubId = ctx.ids("payStub");
  const companyId = ctx.data.company.id;
  const year = Number(daysToIso(TODAY_DAYS).slice(0, 4));
  const periods = payPeriodsOfYear(year).filter((p) => p.end < TODAY_DAYS);
  const recent = periods.slice(-6);
  const payruns: PayrunRecord[] = recent.map((p) => ({
    id: nextRunId(),
    companyId,
    type: "regular",
    startDate: daysToIso(p.start),
    endDate: daysToIso(p.end),
    checkDate: daysToIso(p.end),
  }));
  const last = recent.at(-1) as { start: number; end: number };
  const bonusRun: PayrunRecord = {
    id: nextRunId(),
    companyId,
    type: "off_cycle",
    startDate: daysToIso(last.start),
    endDate: daysToIso(last.end),
    checkDate: daysToIso(last.start + 5),
  };
  payruns.push(bonusRun);

  // People outer, runs inner (each person's employments are looked up once); ids are handed
  // out afterwards in run order, so the list is sorted by run, then person.
  const drafts: Omit<PayStubRecord, "id">[][] = payruns.map(() => []);
  const runPeriods = payruns.map((_, index) => recent[index] ?? last);
  const yearIndexOf = runPeriods.map((period) => periods.indexOf(period));
  for (const person of ctx.data.people) {
    if (!hasStarted(person)) continue;
    const windows = windowsOf(employmentsOf(ctx.data, person.id), periods);
    const laborGroupId = laborGroupsOfPerson.get(person.id)?.[0]?.id ?? null;
    for (const [index, run] of payruns.entries()) {
      const period = runPeriods[index] as { start: number; end: number };
      const window = windows.find((w) => w.from <= period.end && w.to >= period.start);
      if (!window) continue;
      const gross = periodGrossCents(window.employment);
      if (run.type === "off_cycle") {
        if (window.employment.annualSalary === null || !rng.chance(0.1)) continue;
        const bonus = Math.round(gross * rng.int(10, 50) * 0.01);
        drafts[index]?.push({
          payrunId: run.id,
          personId: person.id,
          earning: "Bonus",
          grossCents: bonus,
          ytdGrossCents: bonus,
          laborGroupId,
        });
        continue;
      }
      const paidPeriods = Math.max(1, (yearIndexOf[index] as number) - window.firstPaid + 1);
      drafts[index]?.push({
        payrunId: run.id,
        personId: person.id,
        earning: "Regular",
        grossCents: gross,
        ytdGrossCents: gross * paidPeriods,
        laborGroupId,
      });
    }
  }
  const payStubs: PayStubRecord[] = [];
  for (const run of drafts) for (const draft of run) payStubs.push({ id: nextStubId(), ...draft });
  return { payruns, payStubs };
}
