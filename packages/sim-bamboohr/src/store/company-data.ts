import type { CompanySettings, DeletedEmployee, EmployeeRecord, ListField, UserRecord } from "../model/records";

/** The directory's fieldset when a company has not configured its own (the captured fixture's fields, reference §2.1). */
export const DEFAULT_DIRECTORY_FIELDS: readonly string[] = [
  "displayName",
  "firstName",
  "lastName",
  "preferredName",
  "jobTitle",
  "workPhone",
  "mobilePhone",
  "workEmail",
  "department",
  "location",
  "division",
  "linkedIn",
  "pronouns",
  "workPhoneExtension",
  "supervisor",
  "photoUploaded",
  "photoUrl",
  "canUploadPhoto",
];

/** What org-chart-only access leaves of the directory: no contact details. */
export const ORG_CHART_FIELDS: ReadonlySet<string> = new Set([
  "displayName",
  "firstName",
  "lastName",
  "preferredName",
  "jobTitle",
  "department",
  "location",
  "division",
  "supervisor",
  "photoUploaded",
  "photoUrl",
  "canUploadPhoto",
]);

export interface CompanyInit {
  domain: string;
  companyId: string;
  name: string;
  employees: EmployeeRecord[];
  users: UserRecord[];
  lists: ListField[];
  nextRowId: number;
  nextEmployeeNumber: number;
}

/** One BambooHR account: its employees (ascending id), deletions, users, lists and settings. */
export class CompanyData {
  readonly domain: string;
  /** Numeric id webhooks report as `data.companyId`. */
  readonly companyId: string;
  readonly name: string;
  settings: CompanySettings = { directory: "enabled", webhooksEnabled: true };
  directoryFields: readonly string[] = DEFAULT_DIRECTORY_FIELDS;
  readonly employees: EmployeeRecord[];
  readonly deleted: DeletedEmployee[] = [];
  readonly users: UserRecord[];
  readonly lists: ListField[];
  private readonly byId: Map<number, EmployeeRecord>;
  private rowId: number;
  private employeeNumber: number;
  private lastEmployeeId: number;

  constructor(init: CompanyInit) {
    this.domain = init.domain;
    this.companyId = init.companyId;
    this.name = init.name;
    this.employees = init.employees;
    this.users = init.users;
    this.lists = init.lists;
    this.byId = new Map(init.employees.map((e) => [e.id, e]));
    this.rowId = init.nextRowId;
    this.employeeNumber = init.nextEmployeeNumber;
    this.lastEmployeeId = init.employees.at(-1)?.id ?? 3;
  }

  employee(id: number): EmployeeRecord | undefined {
    return this.byId.get(id);
  }

  /** Ids only grow and are never reused, so a new employee goes at the end and the list stays sorted. */
  nextEmployeeId(): number {
    return this.lastEmployeeId + 1;
  }

  nextEmployeeNumber(): string {
    return String(this.employeeNumber++);
  }

  nextRowId(): number {
    return this.rowId++;
  }

  add(employee: EmployeeRecord): void {
    if (employee.id <= this.lastEmployeeId) throw new Error(`Employee id ${employee.id} is not above ${this.lastEmployeeId}`);
    this.lastEmployeeId = employee.id;
    this.employees.push(employee);
    this.byId.set(employee.id, employee);
  }

  remove(id: number, atSec: number): EmployeeRecord | undefined {
    const employee = this.byId.get(id);
    if (!employee) return undefined;
    this.byId.delete(id);
    this.employees.splice(this.indexOf(id), 1);
    this.deleted.push({ id, lastChangedSec: atSec });
    return employee;
  }

  user(id: number): UserRecord | undefined {
    return this.users.find((user) => user.id === id);
  }

  nextUserId(): number {
    return Math.max(2000, ...this.users.map((user) => user.id)) + 1;
  }

  private indexOf(id: number): number {
    let low = 0;
    let high = this.employees.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const midId = (this.employees[mid] as EmployeeRecord).id;
      if (midId === id) return mid;
      if (midId < id) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }
}
