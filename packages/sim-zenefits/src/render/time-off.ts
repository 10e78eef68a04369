import type { TimeDurationRecord, VacationRequestRecord, VacationTypeRecord } from "../modules/records";
import { listRef, type RenderContext, refAt, refTo } from "./refs";
import type { Ref } from "./types";

export interface VacationType {
  id: string;
  object: "/time_off/vacation_types";
  url: string;
  name: string;
  status: string;
  counts_as: string;
  company: Ref;
  vacation_requests: Ref;
}

export interface VacationRequest {
  id: string;
  object: "/time_off/vacation_requests";
  url: string;
  person: Ref;
  creator: Ref;
  vacation_type: Ref;
  status: string;
  start_date: string;
  end_date: string;
  hours: string;
  reason: string | null;
  deny_reason: string | null;
  approved_date: string | null;
  created_date: string;
}

export interface TimeDuration {
  id: string;
  object: "/time_attendance/time_durations";
  url: string;
  person: Ref;
  activity: "work";
  date: string;
  start: string;
  end: string | null;
  hours: string | null;
  state: string;
  valid_status: string;
  is_overnight: boolean;
  is_approved: boolean;
  approved_datetime: string | null;
  approver: Ref;
  labor_group_ids: string | null;
}

export function renderVacationType(type: VacationTypeRecord, ctx: RenderContext): VacationType {
  const self = `${ctx.base}/time_off/vacation_types/${type.id}`;
  return {
    id: type.id,
    object: "/time_off/vacation_types",
    url: self,
    name: type.name,
    status: type.status,
    counts_as: type.countsAs,
    company: refTo(ctx, "companies", type.companyId),
    vacation_requests: listRef(`${self}/vacation_requests`, "/time_off/vacation_requests"),
  };
}

export function renderVacationRequest(request: VacationRequestRecord, ctx: RenderContext): VacationRequest {
  return {
    id: request.id,
    object: "/time_off/vacation_requests",
    url: `${ctx.base}/time_off/vacation_requests/${request.id}`,
    person: refTo(ctx, "people", request.personId),
    creator: refTo(ctx, "people", request.creatorId),
    vacation_type: refAt(ctx, "/time_off/vacation_types", request.typeId),
    status: request.status,
    start_date: request.startDate,
    end_date: request.endDate,
    hours: request.hours,
    reason: request.reason,
    deny_reason: request.denyReason,
    approved_date: request.approvedDate,
    created_date: request.createdDate,
  };
}

export function renderTimeDuration(shift: TimeDurationRecord, ctx: RenderContext): TimeDuration {
  return {
    id: shift.id,
    object: "/time_attendance/time_durations",
    url: `${ctx.base}/time_attendance/time_durations/${shift.id}`,
    person: refTo(ctx, "people", shift.personId),
    activity: "work",
    date: shift.date,
    start: shift.start,
    end: shift.end,
    hours: shift.hours,
    state: shift.state,
    valid_status: shift.validStatus,
    is_overnight: shift.end !== null && shift.end.slice(0, 10) !== shift.date,
    is_approved: shift.state === "approved",
    approved_datetime: shift.approvedAt,
    approver: refTo(ctx, "people", shift.approverId),
    labor_group_ids: shift.laborGroupId,
  };
}
