import { FULL_ACCESS, RESTRICTED_ACCESS } from "../model/access";
import type { EmployeeRecord, UserRecord } from "../model/records";
import { FIXTURE } from "./fixtures";

/** Ids of the seeded users; user ids are not employee ids (reference §2.5). */
export const SEEDED_USERS = {
  /** Full access, linked to the HR administrator; the default API key is theirs. */
  admin: 2001,
  /** RESTRICTED_ACCESS, linked to the restricted-user fixture. */
  restricted: 2002,
  /** A service account with no linked employee (employeeId 0) that never logged in. */
  service: 2003,
  /** Disabled, linked to the terminated fixture: its keys are refused. */
  disabled: 2004,
} as const;

function linked(id: number, employee: EmployeeRecord, extra: Partial<UserRecord>): UserRecord {
  return {
    id,
    employeeId: employee.id,
    firstName: employee.firstName,
    lastName: employee.lastName,
    // meta/users: work e-mail, else home, else the account's own (reference §2.5).
    email: employee.workEmail || employee.homeEmail || `user${id}@accounts.example`,
    status: "enabled",
    lastLoginSec: Date.parse("2026-06-30T16:05:00Z") / 1000,
    access: FULL_ACCESS,
    ...extra,
  };
}

export function seedUsers(employees: readonly EmployeeRecord[], emailDomain: string): UserRecord[] {
  const at = (index: number) => employees[index] as EmployeeRecord;
  return [
    linked(SEEDED_USERS.admin, at(FIXTURE.hrAdmin), {}),
    linked(SEEDED_USERS.restricted, at(FIXTURE.restrictedUser), {
      access: RESTRICTED_ACCESS,
      lastLoginSec: Date.parse("2026-06-12T09:30:00Z") / 1000,
    }),
    {
      id: SEEDED_USERS.service,
      employeeId: 0,
      firstName: "Payroll",
      lastName: "Service",
      email: `payroll@${emailDomain}`,
      status: "enabled",
      lastLoginSec: null,
      access: FULL_ACCESS,
    },
    linked(SEEDED_USERS.disabled, at(FIXTURE.terminated), { status: "disabled" }),
  ];
}
