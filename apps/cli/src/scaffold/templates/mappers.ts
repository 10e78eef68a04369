export function personMapperTs(): string {
  return `import type { Employee, EmployeeStatus, Mapped } from "@roster/core";
import { personRaw } from "../raw";

/** The provider's status words in Roster's terms; anything unknown is "inactive". TODO: the real words. */
const statuses: Record<string, EmployeeStatus> = { active: "active", on_leave: "leave", gone: "terminated" };

/**
 * Pure: one raw person to Roster's employee, or the reason it cannot be. References
 * (department, manager) stay remote ids; the sync engine links them after all pages.
 */
export function mapPerson(raw: unknown): Mapped<Employee> {
  const parsed = personRaw.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const id = (raw as { id?: unknown } | null)?.id;
    return {
      ok: false,
      remoteId: typeof id === "string" ? id : null,
      reason: \`unexpected person: \${issue?.path.join(".")} \${issue?.message}\`,
    };
  }
  const p = parsed.data;
  const [firstName = null, ...rest] = p.name.split(" ");
  return {
    ok: true,
    value: {
      remoteId: p.id,
      remoteData: raw,
      remoteUpdatedAt: null,
      firstName,
      lastName: rest.join(" ") || null,
      preferredName: null,
      displayName: p.name,
      workEmail: p.email ?? null,
      personalEmail: null,
      workPhone: null,
      personalPhone: null,
      status: statuses[p.status] ?? "inactive",
      remoteStatus: p.status,
      employmentType: null,
      jobTitle: null,
      departmentRemoteId: p.department_id ?? null,
      locationRemoteId: null,
      managerRemoteId: p.manager_id ?? null,
      hireDate: null,
      startDate: null,
      terminationDate: null,
    },
  };
}
`;
}

export function departmentMapperTs(): string {
  return `import type { Department, Mapped } from "@roster/core";
import { departmentRaw } from "../raw";

/** Pure: one raw department to Roster's department, or the reason it cannot be. */
export function mapDepartment(raw: unknown): Mapped<Department> {
  const parsed = departmentRaw.safeParse(raw);
  if (!parsed.success) {
    const id = (raw as { id?: unknown } | null)?.id;
    return {
      ok: false,
      remoteId: typeof id === "string" ? id : null,
      reason: "unexpected department: needs a string id and name",
    };
  }
  return {
    ok: true,
    value: { remoteId: parsed.data.id, remoteData: raw, remoteUpdatedAt: null, name: parsed.data.name, parentRemoteId: null },
  };
}
`;
}
