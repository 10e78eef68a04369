import { ALL_SCOPES } from "./permissions";
import { renderCustomField, renderCustomFieldValue, renderEmployment } from "./render/employment";
import { renderCompany, renderDepartment, renderLocation } from "./render/organization";
import { renderPerson } from "./render/person";
import type { RenderContext } from "./render/refs";
import type { Company, CustomField, CustomFieldValue, Department, Employment, Location, Person } from "./render/types";
import type { CompanyData } from "./store/records";

/** The test oracle: every record of one company exactly as an all-scopes token would read it. */
export interface Truth {
  companies: Company[];
  people: Person[];
  departments: Department[];
  locations: Location[];
  employments: Employment[];
  customFields: CustomField[];
  customFieldValues: CustomFieldValue[];
}

export interface TruthCounts {
  companyId: string;
  people: number;
  departments: number;
  locations: number;
  employments: number;
  customFields: number;
  customFieldValues: number;
  peopleByStatus: Record<string, number>;
}

export function buildTruth(data: CompanyData, base: string): Truth {
  const ctx: RenderContext = { base, scopes: new Set(ALL_SCOPES) };
  return {
    companies: [renderCompany(data.company, ctx)],
    people: data.people.map((p) => renderPerson(p, ctx)),
    departments: data.departments.map((d) => renderDepartment(d, ctx)),
    locations: data.locations.map((l) => renderLocation(l, ctx)),
    employments: data.employments.map((e) => renderEmployment(e, ctx)),
    customFields: data.customFields.map((f) => renderCustomField(f, ctx)),
    customFieldValues: data.customFieldValues.map((v) => renderCustomFieldValue(v, ctx)),
  };
}

export function truthCounts(data: CompanyData): TruthCounts {
  const peopleByStatus: Record<string, number> = {};
  for (const person of data.people) {
    const key = String(person.status);
    peopleByStatus[key] = (peopleByStatus[key] ?? 0) + 1;
  }
  return {
    companyId: data.company.id,
    people: data.people.length,
    departments: data.departments.length,
    locations: data.locations.length,
    employments: data.employments.length,
    customFields: data.customFields.length,
    customFieldValues: data.customFieldValues.length,
    peopleByStatus,
  };
}
