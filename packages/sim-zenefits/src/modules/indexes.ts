import { groupBy, lazyIndex } from "../store/indexes";
import type { CompanyData, PersonRecord } from "../store/records";
import { findById } from "../store/sorted";
import { modulesOf } from "./modules";
import type { FlowRecord, LaborGroupRecord, VacationRequestRecord } from "./records";

/** Reverse look-ups behind the module sub-collections, rebuilt after a mutation like the directory's. */
const EMPTY: readonly never[] = [];

export function laborGroupsOfPerson(data: CompanyData, personId: string): readonly LaborGroupRecord[] {
  return modulesOf(data).laborGroupsOfPerson.get(personId) ?? EMPTY;
}

export function membersOfLaborGroup(data: CompanyData, groupId: string): readonly PersonRecord[] {
  return modulesOf(data).membersOfLaborGroup.get(groupId) ?? EMPTY;
}

export function laborGroupsOfType(data: CompanyData, typeId: string): readonly LaborGroupRecord[] {
  return lazyIndex(data, "laborGroupsByType", () => groupBy(modulesOf(data).laborGroups, (g) => g.typeId)).get(typeId) ?? EMPTY;
}

export function requestsOfType(data: CompanyData, typeId: string): readonly VacationRequestRecord[] {
  return lazyIndex(data, "requestsByType", () => groupBy(modulesOf(data).vacationRequests, (r) => r.typeId)).get(typeId) ?? EMPTY;
}

/** People paid by a payrun, id-sorted (its stubs are generated in people order). */
export function peopleOfPayrun(data: CompanyData, payrunId: string): readonly PersonRecord[] {
  const people = lazyIndex(data, "peopleByPayrun", () => {
    const byRun = new Map<string, PersonRecord[]>();
    for (const stub of modulesOf(data).payStubs) {
      const person = findById(data.people, stub.personId);
      if (!person) continue;
      const list = byRun.get(stub.payrunId);
      if (list) list.push(person);
      else byRun.set(stub.payrunId, [person]);
    }
    return byRun;
  });
  return people.get(payrunId) ?? EMPTY;
}

/** Flows change through POST /platform/flows/ without a version bump, so this one is not cached. */
export function flowsOfSubscription(data: CompanyData, subscriptionId: string): readonly FlowRecord[] {
  return modulesOf(data).platform.flows.filter((flow) => flow.subscriptionId === subscriptionId);
}
