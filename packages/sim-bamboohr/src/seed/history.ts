import { addDays, daysToIso, isoToDays } from "../dates";
import type { CompensationRow, EmploymentStatusRow, JobInfoRow } from "../model/records";
import type { Rng } from "../prng";
import { ARCHIVED_DEPARTMENT, PAY_SCHEDULES, type Place, TERMINATION_REASONS, TERMINATION_TYPES } from "./vocabulary";

/**
 * The life of one employee as history rows. Every kind is an awkward case a
 * connector meets in real accounts: inactive people stay in reports and
 * tables, future-dated rows hide behind `onlyCurrent`, rehires have two hires.
 */
export type EmployeeKind = "active" | "terminated" | "inactive" | "futureHire" | "rehire" | "futureTermination";

export interface Placement {
  jobTitle: string | null;
  department: string | null;
  division: string | null;
  location: Place | null;
  reportsTo: number | null;
}

export interface History {
  hireDate: string;
  originalHireDate: string;
  jobInfo: JobInfoRow[];
  employmentStatus: EmploymentStatusRow[];
  compensation: CompensationRow[];
}

export interface HistoryContext {
  rng: Rng;
  today: string;
  nextRowId: () => number;
  /** Contractors have no compensation rows at all (payRate reads null). */
  contractor: boolean;
  /** A promotion dated after today: only `onlyCurrent=false` shows it. */
  futurePromotion: boolean;
}

const EARLIEST_HIRE = isoToDays("2008-01-01");

export function randomKind(rng: Rng): EmployeeKind {
  const roll = rng.next();
  if (roll < 0.88) return "active";
  if (roll < 0.96) return "terminated";
  if (roll < 0.97) return "inactive";
  if (roll < 0.98) return "futureHire";
  if (roll < 0.99) return "futureTermination";
  return "rehire";
}

function jobRow(ctx: HistoryContext, date: string, placement: Placement, overrides: Partial<JobInfoRow> = {}): JobInfoRow {
  return {
    id: ctx.nextRowId(),
    date,
    jobTitle: placement.jobTitle,
    department: placement.department,
    division: placement.division,
    location: placement.location?.name ?? null,
    reportsTo: placement.reportsTo,
    ...overrides,
  };
}

function statusRow(ctx: HistoryContext, date: string, employmentStatus: string): EmploymentStatusRow {
  const terminated = employmentStatus === "Terminated";
  return {
    id: ctx.nextRowId(),
    date,
    employmentStatus,
    comment: terminated && ctx.rng.chance(0.3) ? "Exit interview done" : null,
    terminationReasonId: terminated ? ctx.rng.pick(TERMINATION_REASONS).id : null,
    terminationTypeId: terminated ? ctx.rng.pick(TERMINATION_TYPES).id : null,
  };
}

function payRows(ctx: HistoryContext, start: string, status: string, place: Place | null): CompensationRow[] {
  if (ctx.contractor) return [];
  const { rng } = ctx;
  const hourly = status === "Part-Time" || status === "Intern";
  const base = hourly ? rng.int(1500, 6000) / 100 : rng.int(90, 440) * 500;
  const first: CompensationRow = {
    id: ctx.nextRowId(),
    startDate: start,
    rate: base.toFixed(2),
    currency: place?.currency ?? "USD",
    type: hourly ? "Hourly" : "Salary",
    paidPer: hourly ? "Hour" : "Year",
    exempt: hourly ? "Non-exempt" : rng.chance(0.9) ? "Exempt" : null,
    paySchedule: rng.pick(PAY_SCHEDULES),
    reason: "New Hire",
    comment: null,
  };
  const raiseDay = isoToDays(start) + rng.int(180, 900);
  if (raiseDay > isoToDays(ctx.today) || !rng.chance(0.4)) return [first];
  const raised = (base * (1 + rng.int(3, 10) / 100)).toFixed(2);
  return [first, { ...first, id: ctx.nextRowId(), startDate: daysToIso(raiseDay), rate: raised, reason: "Merit", comment: "" }];
}

function employmentType(rng: Rng, contractor: boolean): string {
  if (contractor) return "Contractor";
  const roll = rng.next();
  return roll < 0.86 ? "Full-Time" : roll < 0.95 ? "Part-Time" : "Intern";
}

/** History rows for one employee of `kind`, placed as `placement` describes. */
export function makeHistory(ctx: HistoryContext, kind: EmployeeKind, placement: Placement): History {
  const { rng, today } = ctx;
  const todayDays = isoToDays(today);
  const type = employmentType(rng, ctx.contractor);
  if (kind === "rehire") return rehireHistory(ctx, placement, type);
  const hireDay = kind === "futureHire" ? todayDays + rng.int(7, 60) : rng.int(EARLIEST_HIRE, todayDays - 45);
  const hireDate = daysToIso(hireDay);
  const jobInfo = [jobRow(ctx, hireDate, placement)];
  if (kind !== "futureHire" && rng.chance(0.3)) {
    const moved = Math.min(todayDays, hireDay + rng.int(30, 1500));
    jobInfo.push(jobRow(ctx, daysToIso(moved), placement));
  }
  if (ctx.futurePromotion) jobInfo.push(jobRow(ctx, addDays(today, 30), placement, { jobTitle: "Engineering Manager" }));
  const employmentStatus = [statusRow(ctx, hireDate, type)];
  if (kind === "terminated") employmentStatus.push(statusRow(ctx, daysToIso(rng.int(hireDay + 30, todayDays - 1)), "Terminated"));
  if (kind === "futureTermination") employmentStatus.push(statusRow(ctx, addDays(today, 14), "Terminated"));
  return {
    hireDate,
    originalHireDate: hireDate,
    jobInfo,
    employmentStatus,
    compensation: payRows(ctx, hireDate, type, placement.location),
  };
}

/** Hired, terminated, hired again: the first stint was in a department since archived. */
function rehireHistory(ctx: HistoryContext, placement: Placement, type: string): History {
  const { rng } = ctx;
  const firstHire = daysToIso(rng.int(isoToDays("2010-01-01"), isoToDays("2015-12-31")));
  const leftOn = daysToIso(rng.int(isoToDays("2016-06-01"), isoToDays("2018-12-31")));
  const rehiredOn = daysToIso(rng.int(isoToDays("2020-01-01"), isoToDays("2024-12-31")));
  return {
    hireDate: rehiredOn,
    originalHireDate: firstHire,
    jobInfo: [jobRow(ctx, firstHire, placement, { department: ARCHIVED_DEPARTMENT }), jobRow(ctx, rehiredOn, placement)],
    employmentStatus: [statusRow(ctx, firstHire, type), statusRow(ctx, leftOn, "Terminated"), statusRow(ctx, rehiredOn, type)],
    compensation: payRows(ctx, rehiredOn, type, placement.location),
  };
}
