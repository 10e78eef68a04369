import type { CompanyData } from "../store/records";
import type { ModuleData } from "./records";
import { createModuleSeedContext } from "./seed-context";
import { seedEeo } from "./seed-eeo";
import { seedLaborGroups } from "./seed-labor-groups";
import { seedPayroll } from "./seed-payroll";
import { seedPlatform } from "./seed-platform";
import { seedTimeDurations } from "./seed-time-attendance";
import { seedTimeOff } from "./seed-time-off";

/**
 * A company's module data, built on its first read from the directory as it is then,
 * so a 100k-person directory sync never pays for payroll it does not read. The same
 * seed and the same calls before that read give the same records.
 */
export function modulesOf(data: CompanyData): ModuleData {
  if (data.modules) return data.modules;
  const ctx = createModuleSeedContext(data);
  const labor = seedLaborGroups(ctx);
  const modules: ModuleData = {
    ...labor,
    eeo: seedEeo(ctx),
    ...seedTimeOff(ctx),
    timeDurations: seedTimeDurations(ctx, labor.laborGroupsOfPerson),
    ...seedPayroll(ctx, labor.laborGroupsOfPerson),
    platform: seedPlatform(ctx),
  };
  data.modules = modules;
  return modules;
}

/**
 * Forgets people removed by a delete mutation: their EEO, time-off, time and pay records and
 * their labor group memberships go; requests they created for others and shifts they
 * approved keep the record without the link.
 */
export function forgetPeople(data: CompanyData, ids: ReadonlySet<string>): void {
  const modules = data.modules;
  if (!modules) return;
  const kept = <T extends { personId: string }>(records: T[]) => records.filter((r) => !ids.has(r.personId));
  modules.eeo = kept(modules.eeo);
  modules.vacationRequests = kept(modules.vacationRequests);
  for (const request of modules.vacationRequests) if (ids.has(request.creatorId)) request.creatorId = request.personId;
  modules.timeDurations = kept(modules.timeDurations);
  for (const shift of modules.timeDurations) if (shift.approverId !== null && ids.has(shift.approverId)) shift.approverId = null;
  modules.payStubs = kept(modules.payStubs);
  for (const id of ids) modules.laborGroupsOfPerson.delete(id);
  for (const [groupId, members] of modules.membersOfLaborGroup) {
    modules.membersOfLaborGroup.set(
      groupId,
      members.filter((member) => !ids.has(member.id)),
    );
  }
}
