import { addDays } from "../dates";
import { currentJobInfo } from "../fields/current";
import type { EmployeeRecord } from "../model/records";
import type { Rng } from "../prng";
import { DEPARTMENTS, FIRST_NAMES, JOB_TITLES, LAST_NAMES, LOCATIONS } from "../seed/vocabulary";
import type { CompanyData } from "./company-data";
import type { EmployeeMutations } from "./mutations";

/** Counts of random changes, for contract tests and benchmarks that need "some churn". */
export interface BatchRequest {
  change?: number;
  add?: number;
  terminate?: number;
  delete?: number;
}

/** Employee ids (as the API writes them) each kind of change touched. */
export interface BatchResult {
  changed: string[];
  added: string[];
  terminated: string[];
  deleted: string[];
}

/**
 * Applies a batch of random changes, deterministic for the rng given. No
 * employee is picked twice in a batch; the CEO and the default user's employee
 * are never terminated or deleted, so the org chart keeps its root.
 */
export function runBatch(company: CompanyData, mutations: EmployeeMutations, rng: Rng, today: string, request: BatchRequest) {
  const result: BatchResult = { changed: [], added: [], terminated: [], deleted: [] };
  const protectedIds = new Set(company.employees.slice(0, 2).map((e) => e.id));
  const used = new Set<number>();
  const pick = (eligible: (e: EmployeeRecord) => boolean): EmployeeRecord | undefined => {
    const pool = company.employees;
    // Random probing first (cheap at 100,000), then a scan so small companies still find someone.
    for (let attempt = 0; attempt < 50; attempt++) {
      const candidate = rng.pick(pool);
      if (!used.has(candidate.id) && eligible(candidate)) return take(candidate);
    }
    const rest = pool.find((e) => !used.has(e.id) && eligible(e));
    return rest ? take(rest) : undefined;
  };
  const take = (employee: EmployeeRecord) => {
    used.add(employee.id);
    return employee;
  };

  for (let i = 0; i < (request.change ?? 0); i++) {
    const employee = pick((e) => e.status === "Active");
    if (!employee) break;
    const kind = i % 4;
    if (kind === 0) mutations.addJobInfo(employee.id, { jobTitle: rng.pick(JOB_TITLES) });
    else if (kind === 1)
      mutations.updateFields(employee.id, { workEmail: `changed.${employee.id}.${rng.int(1, 9999)}@${company.domain}.example` });
    else if (kind === 2) mutations.addJobInfo(employee.id, { department: rng.pick(DEPARTMENTS) });
    else mutations.updateFields(employee.id, { mobilePhone: `(801) 555-${String(rng.int(0, 9999)).padStart(4, "0")}` });
    result.changed.push(String(employee.id));
  }
  for (let i = 0; i < (request.add ?? 0); i++) {
    const boss = pick((e) => e.status === "Active" && currentJobInfo(e, { today, onlyCurrent: true }) !== null);
    if (boss) used.delete(boss.id);
    const change = mutations.create(
      {
        firstName: rng.pick(FIRST_NAMES),
        lastName: rng.pick(LAST_NAMES),
        hireDate: addDays(today, -rng.int(0, 14)),
        jobTitle: rng.pick(JOB_TITLES),
        department: rng.pick(DEPARTMENTS),
        location: rng.pick(LOCATIONS).name,
      },
      { reportsTo: boss?.id, employmentStatus: "Full-Time" },
    );
    used.add(change.employeeId);
    result.added.push(String(change.employeeId));
  }
  for (let i = 0; i < (request.terminate ?? 0); i++) {
    const employee = pick((e) => e.status === "Active" && !protectedIds.has(e.id));
    if (!employee) break;
    mutations.terminate(employee.id);
    result.terminated.push(String(employee.id));
  }
  for (let i = 0; i < (request.delete ?? 0); i++) {
    const employee = pick((e) => !protectedIds.has(e.id));
    if (!employee) break;
    mutations.delete(employee.id);
    result.deleted.push(String(employee.id));
  }
  return result;
}
