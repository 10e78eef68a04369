/**
 * Records of the modules beyond the directory: labor groups, EEO, time off, time and
 * attendance, payroll, and the partner-platform bookkeeping. Flat like the directory's
 * records (ids, not refs); src/render builds the API shapes.
 */
import type { PersonRecord } from "../store/records";

export interface LaborGroupTypeRecord {
  id: string;
  companyId: string;
  name: string;
}

export interface LaborGroupRecord {
  id: string;
  typeId: string;
  code: string;
  name: string;
}

export interface EeoRecord {
  id: string;
  personId: string;
  race: string | null;
  jobCategory: string | null;
}

export interface VacationTypeRecord {
  id: string;
  companyId: string;
  name: string;
  status: "active" | "inactive";
  countsAs: string;
}

export type VacationRequestStatus = "requested" | "approved" | "denied" | "canceled";

export interface VacationRequestRecord {
  id: string;
  personId: string;
  creatorId: string;
  typeId: string;
  status: VacationRequestStatus;
  startDate: string;
  endDate: string;
  hours: string;
  reason: string | null;
  denyReason: string | null;
  approvedDate: string | null;
  createdDate: string;
}

export interface TimeDurationRecord {
  id: string;
  personId: string;
  approverId: string | null;
  laborGroupId: string | null;
  date: string;
  /** ISO date-times in UTC; `end` and `hours` are null for a shift with a missing punch. */
  start: string;
  end: string | null;
  hours: string | null;
  state: "submitted" | "approved";
  validStatus: "valid" | "invalid";
  approvedAt: string | null;
}

export interface PayrunRecord {
  id: string;
  companyId: string;
  type: "regular" | "off_cycle";
  startDate: string;
  endDate: string;
  checkDate: string;
}

/** Money in cents; the renderer derives taxes, deductions and contributions from the gross. */
export interface PayStubRecord {
  id: string;
  payrunId: string;
  personId: string;
  earning: "Regular" | "Bonus";
  grossCents: number;
  ytdGrossCents: number;
  laborGroupId: string | null;
}

export type PlatformStatus = "ok" | "not_enrolled";

export interface ApplicationRecord {
  id: string;
  name: string;
}

export interface CompanyInstallRecord {
  id: string;
  applicationId: string;
  companyId: string;
  status: PlatformStatus;
  fields: Record<string, unknown>;
}

export interface PersonSubscriptionRecord {
  id: string;
  installId: string;
  personId: string;
  status: PlatformStatus;
  fields: Record<string, unknown>;
}

export interface FlowRecord {
  id: string;
  subscriptionId: string | null;
  fields: Record<string, unknown>;
}

export interface PlatformData {
  applications: ApplicationRecord[];
  companyInstalls: CompanyInstallRecord[];
  personSubscriptions: PersonSubscriptionRecord[];
  flows: FlowRecord[];
  nextFlowId: () => string;
}

/** One company's module data; every array is sorted by ascending numeric id. */
export interface ModuleData {
  laborGroupTypes: LaborGroupTypeRecord[];
  laborGroups: LaborGroupRecord[];
  /** Person id → the labor groups they belong to (a cost center, sometimes a project). */
  laborGroupsOfPerson: Map<string, LaborGroupRecord[]>;
  /** Labor group id → its members, id-sorted. */
  membersOfLaborGroup: Map<string, PersonRecord[]>;
  eeo: EeoRecord[];
  vacationTypes: VacationTypeRecord[];
  vacationRequests: VacationRequestRecord[];
  timeDurations: TimeDurationRecord[];
  payruns: PayrunRecord[];
  payStubs: PayStubRecord[];
  platform: PlatformData;
}
