import { isIsoDay, ZERO_DATE } from "../dates";
import { currentJobInfo } from "../fields/current";
import type { CompensationRow, EmployeeRecord, EmploymentStatusRow, JobInfoRow } from "../model/records";
import { activeOptionNames } from "../seed/lists";
import { changedKeys, type EmployeeChange, filledKeys, snapshot, viewOf } from "./changes";
import type { CompanyData } from "./company-data";
import { applyRecordWrites, JOB_FIELDS, type PlannedWrite, planWrite, WriteError, type WriteValues } from "./field-writes";

export interface MutationClock {
  /** Business "today" (YYYY-MM-DD) for effective dates. */
  today: string;
  /** Unix seconds for change timestamps. */
  nowSec(): number;
}

export interface JobInfoInput {
  date?: string;
  jobTitle?: string | null;
  department?: string | null;
  division?: string | null;
  location?: string | null;
  reportsTo?: number | null;
}

export interface CompensationInput {
  startDate?: string;
  rate: string;
  currency?: string;
  type?: CompensationRow["type"];
  paidPer?: CompensationRow["paidPer"];
  exempt?: CompensationRow["exempt"];
  paySchedule?: string | null;
  reason?: string | null;
}

export interface StatusInput {
  date?: string;
  employmentStatus: string;
  terminationReasonId?: string | null;
  terminationTypeId?: string | null;
}

export class NotFoundError extends Error {}

function checkDate(name: string, value: string): string {
  if (!isIsoDay(value)) throw new WriteError(409, `${name} must be a date YYYY-MM-DD (got "${value}")`);
  return value;
}

/**
 * Every change to a company's employees goes through here, so each one stamps
 * `lastChanged`, feeds `employees/changed` and is reported to `onChange`
 * (webhooks) exactly once.
 */
export class EmployeeMutations {
  constructor(
    private readonly company: CompanyData,
    private readonly clock: MutationClock,
    private readonly onChange: (change: EmployeeChange) => void,
  ) {}

  private get view() {
    return viewOf(this.company, this.clock.today);
  }

  private find(id: number): EmployeeRecord {
    const employee = this.company.employee(id);
    if (!employee) throw new NotFoundError(`No employee ${id} in ${this.company.domain}`);
    return employee;
  }

  /** Runs `change` on one employee and reports the fields whose current value moved. */
  private update(id: number, change: (employee: EmployeeRecord) => void): EmployeeChange {
    const employee = this.find(id);
    const before = snapshot(employee, this.view);
    change(employee);
    const atSec = this.clock.nowSec();
    employee.lastChangedSec = atSec;
    const result: EmployeeChange = {
      companyDomain: this.company.domain,
      employeeId: id,
      type: "updated",
      changedFields: changedKeys(before, snapshot(employee, this.view)),
      atSec,
    };
    this.onChange(result);
    return result;
  }

  /**
   * POST /v1/employees. `seeded` sets what the API cannot (a supervisor, an
   * employment status row), for the simulator's own batch additions.
   */
  create(values: WriteValues, seeded: { reportsTo?: number; employmentStatus?: string } = {}): EmployeeChange {
    const plan = planWrite(this.company, values);
    if (!plan.record.firstName || !plan.record.lastName) throw new WriteError(400, "firstName and lastName are required");
    const atSec = this.clock.nowSec();
    const id = this.company.nextEmployeeId();
    const employee = blankEmployee(id, plan.record.employeeNumber ?? this.company.nextEmployeeNumber(), atSec);
    applyRecordWrites(employee, plan);
    if (Object.keys(plan.job).length > 0) {
      const date = isIsoDay(employee.hireDate) ? employee.hireDate : this.clock.today;
      const row = this.jobRow(null, date, plan);
      row.reportsTo = seeded.reportsTo ?? null;
      employee.jobInfo.push(row);
    }
    if (seeded.employmentStatus !== undefined) {
      employee.employmentStatus.push({
        id: this.company.nextRowId(),
        date: isIsoDay(employee.hireDate) ? employee.hireDate : this.clock.today,
        employmentStatus: seeded.employmentStatus,
        comment: null,
        terminationReasonId: null,
        terminationTypeId: null,
      });
    }
    this.company.add(employee);
    const change: EmployeeChange = {
      companyDomain: this.company.domain,
      employeeId: id,
      type: "created",
      changedFields: filledKeys(snapshot(employee, this.view)),
      atSec,
    };
    this.onChange(change);
    return change;
  }

  /** Field writes; job fields add a jobInfo row effective today, as writing them in BambooHR does. */
  updateFields(id: number, values: WriteValues): EmployeeChange {
    const plan = planWrite(this.company, values);
    this.find(id);
    return this.update(id, (employee) => {
      applyRecordWrites(employee, plan);
      if (Object.keys(plan.job).length > 0) employee.jobInfo.push(this.jobRow(employee, this.clock.today, plan));
    });
  }

  addJobInfo(id: number, input: JobInfoInput): EmployeeChange {
    const employee = this.find(id);
    const date = checkDate("date", input.date ?? this.clock.today);
    const job: PlannedWrite["job"] = {};
    for (const key of JOB_FIELDS) {
      const value = input[key];
      if (value === undefined) continue;
      const options = activeOptionNames(this.company.lists, key);
      if (value !== null && value !== "" && options && !options.has(value)) {
        throw new WriteError(409, `"${value}" is not an option of ${key}`);
      }
      job[key] = value;
    }
    if (input.reportsTo !== undefined && input.reportsTo !== null) {
      if (input.reportsTo === id || !this.company.employee(input.reportsTo)) {
        throw new WriteError(409, `reportsTo ${input.reportsTo} is not another employee of ${this.company.domain}`);
      }
    }
    const row = this.jobRow(employee, date, { record: {}, job, custom: {} });
    if (input.reportsTo !== undefined) row.reportsTo = input.reportsTo;
    return this.update(id, (e) => e.jobInfo.push(row));
  }

  addCompensation(id: number, input: CompensationInput): EmployeeChange {
    this.find(id);
    if (!/^\d+(\.\d{1,2})?$/.test(input.rate)) throw new WriteError(409, `rate must be a decimal amount (got "${input.rate}")`);
    const row: CompensationRow = {
      id: this.company.nextRowId(),
      startDate: checkDate("startDate", input.startDate ?? this.clock.today),
      rate: Number(input.rate).toFixed(2),
      currency: input.currency ?? "USD",
      type: input.type ?? "Salary",
      paidPer: input.paidPer ?? (input.type === "Hourly" ? "Hour" : "Year"),
      exempt: input.exempt ?? null,
      paySchedule: input.paySchedule ?? null,
      reason: input.reason ?? null,
      comment: null,
    };
    return this.update(id, (employee) => employee.compensation.push(row));
  }

  addEmploymentStatus(id: number, input: StatusInput): EmployeeChange {
    this.find(id);
    const options = activeOptionNames(this.company.lists, "employmentHistoryStatus");
    if (options && !options.has(input.employmentStatus)) {
      throw new WriteError(409, `"${input.employmentStatus}" is not an employment status`);
    }
    const date = checkDate("date", input.date ?? this.clock.today);
    const terminated = input.employmentStatus === "Terminated";
    const row: EmploymentStatusRow = {
      id: this.company.nextRowId(),
      date,
      employmentStatus: input.employmentStatus,
      comment: null,
      terminationReasonId: terminated ? (input.terminationReasonId ?? "1") : null,
      terminationTypeId: terminated ? (input.terminationTypeId ?? "1") : null,
    };
    return this.update(id, (employee) => {
      employee.employmentStatus.push(row);
      // A dated-in-the-future change leaves today's record status alone.
      if (date > this.clock.today) return;
      if (terminated) employee.status = "Inactive";
      else if (employee.status === "Inactive") {
        employee.status = "Active";
        employee.hireDate = date;
      }
    });
  }

  terminate(id: number, input: Omit<StatusInput, "employmentStatus"> = {}): EmployeeChange {
    return this.addEmploymentStatus(id, { ...input, employmentStatus: "Terminated" });
  }

  rehire(id: number, input: { date?: string; employmentStatus?: string } = {}): EmployeeChange {
    return this.addEmploymentStatus(id, { date: input.date, employmentStatus: input.employmentStatus ?? "Full-Time" });
  }

  delete(id: number): EmployeeChange {
    this.find(id);
    const atSec = this.clock.nowSec();
    this.company.remove(id, atSec);
    const change: EmployeeChange = {
      companyDomain: this.company.domain,
      employeeId: id,
      type: "deleted",
      changedFields: [],
      atSec,
    };
    this.onChange(change);
    return change;
  }

  /** A new jobInfo row: the current row (as of today) with the planned fields replaced. */
  private jobRow(employee: EmployeeRecord | null, date: string, plan: PlannedWrite): JobInfoRow {
    const current = employee ? currentJobInfo(employee, { today: this.clock.today, onlyCurrent: true }) : null;
    return {
      id: this.company.nextRowId(),
      date,
      jobTitle: plan.job.jobTitle !== undefined ? plan.job.jobTitle : (current?.jobTitle ?? null),
      department: plan.job.department !== undefined ? plan.job.department : (current?.department ?? null),
      division: plan.job.division !== undefined ? plan.job.division : (current?.division ?? null),
      location: plan.job.location !== undefined ? plan.job.location : (current?.location ?? null),
      reportsTo: current?.reportsTo ?? null,
    };
  }
}

function blankEmployee(id: number, employeeNumber: string, atSec: number): EmployeeRecord {
  return {
    id,
    employeeNumber,
    firstName: "",
    lastName: "",
    middleName: null,
    preferredName: null,
    status: "Active",
    workEmail: null,
    homeEmail: null,
    workPhone: null,
    workPhoneExtension: null,
    mobilePhone: null,
    homePhone: null,
    address1: null,
    address2: null,
    city: null,
    state: null,
    zipcode: null,
    country: null,
    // Left blank, BambooHR reads a date back as the zero date.
    hireDate: ZERO_DATE,
    originalHireDate: ZERO_DATE,
    dateOfBirth: null,
    gender: null,
    maritalStatus: null,
    ssn: null,
    linkedIn: null,
    pronouns: null,
    photoUploaded: false,
    custom: {},
    lastChangedSec: atSec,
    createdSec: atSec,
    jobInfo: [],
    employmentStatus: [],
    compensation: [],
  };
}
