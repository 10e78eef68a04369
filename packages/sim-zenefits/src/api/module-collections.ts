import { laborGroupsOfType, membersOfLaborGroup, peopleOfPayrun, requestsOfType } from "../modules/indexes";
import { modulesOf } from "../modules/modules";
import { renderEeo, renderLaborGroup, renderLaborGroupType } from "../render/labor-groups";
import { renderPayrun, renderPayStub } from "../render/payroll";
import { renderPerson } from "../render/person";
import { renderTimeDuration, renderVacationRequest, renderVacationType } from "../render/time-off";
import type { Collection } from "./collection";

/**
 * Modules beyond the directory (reference §5: labor groups, EEO, time off, time and
 * attendance, payroll). Their scopes are the simulator's choice (README "Scopes").
 */
export const MODULE_COLLECTIONS: readonly Collection[] = [
  {
    path: "/core/labor_group_types",
    scope: "labor_groups",
    items: (d) => modulesOf(d).laborGroupTypes,
    render: renderLaborGroupType,
    subs: { labor_groups: { scopes: ["labor_groups"], items: laborGroupsOfType, render: renderLaborGroup } },
  },
  {
    path: "/core/labor_groups",
    scope: "labor_groups",
    items: (d) => modulesOf(d).laborGroups,
    render: renderLaborGroup,
    subs: { assigned_members: { scopes: ["labor_groups", "people"], items: membersOfLaborGroup, render: renderPerson } },
  },
  {
    path: "/core/equal_employment_opportunities",
    scope: "equal_employment_opportunities",
    items: (d) => modulesOf(d).eeo,
    render: renderEeo,
  },
  {
    path: "/time_off/vacation_types",
    scope: "time_off",
    items: (d) => modulesOf(d).vacationTypes,
    render: renderVacationType,
    subs: { vacation_requests: { scopes: ["time_off"], items: requestsOfType, render: renderVacationRequest } },
  },
  {
    path: "/time_off/vacation_requests",
    scope: "time_off",
    items: (d) => modulesOf(d).vacationRequests,
    render: renderVacationRequest,
  },
  {
    path: "/time_attendance/time_durations",
    scope: "time_attendance",
    items: (d) => modulesOf(d).timeDurations,
    render: renderTimeDuration,
  },
  {
    path: "/payroll/payruns",
    scope: "payroll",
    items: (d) => modulesOf(d).payruns,
    render: renderPayrun,
    subs: { people: { scopes: ["payroll", "people"], items: peopleOfPayrun, render: renderPerson } },
  },
  {
    path: "/payroll/payrun_pay_stubs",
    scope: "payroll",
    items: (d) => modulesOf(d).payStubs,
    render: renderPayStub,
  },
];
