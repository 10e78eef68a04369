import type { PersonRecord } from "../store/records";
import type { LaborGroupRecord, LaborGroupTypeRecord, ModuleData } from "./records";
import { hasStarted, type ModuleSeedContext } from "./seed-context";

const COST_CENTERS = [
  ["CC-100", "General & Administrative"],
  ["CC-200", "Research & Development"],
  ["CC-300", "Sales & Marketing"],
  ["CC-400", "Operations"],
  ["CC-500", "Customer Success"],
] as const;
const PROJECTS = [
  ["PRJ-01", "Apollo"],
  ["PRJ-02", "Borealis"],
  ["PRJ-03", "Cobalt"],
] as const;

type LaborGroupData = Pick<ModuleData, "laborGroupTypes" | "laborGroups" | "laborGroupsOfPerson" | "membersOfLaborGroup">;

/**
 * Two labor group types: cost centers (every person who started belongs to one) and
 * projects (about a third of them also work on one).
 */
export function seedLaborGroups(ctx: ModuleSeedContext): LaborGroupData {
  const rng = ctx.rng("laborGroups");
  const nextTypeId = ctx.ids("laborGroupType");
  const nextGroupId = ctx.ids("laborGroup");
  const companyId = ctx.data.company.id;
  const costCenter: LaborGroupTypeRecord = { id: nextTypeId(), companyId, name: "Cost center" };
  const project: LaborGroupTypeRecord = { id: nextTypeId(), companyId, name: "Project" };
  const group = (typeId: string, [code, name]: readonly [string, string]): LaborGroupRecord => ({
    id: nextGroupId(),
    typeId,
    code,
    name,
  });
  const costCenters = COST_CENTERS.map((entry) => group(costCenter.id, entry));
  const projects = PROJECTS.map((entry) => group(project.id, entry));

  const laborGroupsOfPerson = new Map<string, LaborGroupRecord[]>();
  const membersOfLaborGroup = new Map<string, PersonRecord[]>();
  const join = (person: PersonRecord, labor: LaborGroupRecord) => {
    laborGroupsOfPerson.set(person.id, [...(laborGroupsOfPerson.get(person.id) ?? []), labor]);
    const members = membersOfLaborGroup.get(labor.id);
    if (members) members.push(person);
    else membersOfLaborGroup.set(labor.id, [person]);
  };
  for (const person of ctx.data.people) {
    if (!hasStarted(person)) continue;
    join(person, rng.pick(costCenters));
    if (rng.chance(0.3)) join(person, rng.pick(projects));
  }
  return {
    laborGroupTypes: [costCenter, project],
    laborGroups: [...costCenters, ...projects],
    laborGroupsOfPerson,
    membersOfLaborGroup,
  };
}
