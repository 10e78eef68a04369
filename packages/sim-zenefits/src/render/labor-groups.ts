import type { EeoRecord, LaborGroupRecord, LaborGroupTypeRecord } from "../modules/records";
import { listRef, type RenderContext, refAt, refTo } from "./refs";
import type { Ref } from "./types";

export interface LaborGroupType {
  id: string;
  object: "/core/labor_group_types";
  url: string;
  name: string;
  company: Ref;
  labor_groups: Ref;
}

export interface LaborGroup {
  id: string;
  object: "/core/labor_groups";
  url: string;
  code: string;
  name: string;
  labor_group_type: Ref;
  assigned_members: Ref;
}

export interface EqualEmploymentOpportunity {
  id: string;
  object: "/core/equal_employment_opportunities";
  url: string;
  person: Ref;
  race: string | null;
  job_category: string | null;
}

export function renderLaborGroupType(type: LaborGroupTypeRecord, ctx: RenderContext): LaborGroupType {
  const self = `${ctx.base}/core/labor_group_types/${type.id}`;
  return {
    id: type.id,
    object: "/core/labor_group_types",
    url: self,
    name: type.name,
    company: refTo(ctx, "companies", type.companyId),
    labor_groups: listRef(`${self}/labor_groups`, "/core/labor_groups"),
  };
}

export function renderLaborGroup(group: LaborGroupRecord, ctx: RenderContext): LaborGroup {
  const self = `${ctx.base}/core/labor_groups/${group.id}`;
  return {
    id: group.id,
    object: "/core/labor_groups",
    url: self,
    code: group.code,
    name: group.name,
    labor_group_type: refAt(ctx, "/core/labor_group_types", group.typeId),
    assigned_members: listRef(`${self}/assigned_members`, "/core/people"),
  };
}

export function renderEeo(record: EeoRecord, ctx: RenderContext): EqualEmploymentOpportunity {
  return {
    id: record.id,
    object: "/core/equal_employment_opportunities",
    url: `${ctx.base}/core/equal_employment_opportunities/${record.id}`,
    person: refTo(ctx, "people", record.personId),
    race: record.race,
    job_category: record.jobCategory,
  };
}
