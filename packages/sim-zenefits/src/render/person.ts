import type { PersonRecord } from "../store/records";
import { listRef, type RenderContext, refTo } from "./refs";
import type { Person } from "./types";

/**
 * A person as /core/people serves it. Fields guarded by a sub-scope the token
 * lacks come back as null, refs as `{url: null, ...}` (README, "Choices").
 */
export function renderPerson(person: PersonRecord, ctx: RenderContext): Person {
  const rendered = renderAll(person, ctx);
  if (ctx.omitHidden) {
    for (const [field, scope] of GUARDED) if (!ctx.scopes.has(scope)) delete (rendered as Partial<Person>)[field];
  }
  return rendered;
}

/** Person fields a sub-scope guards, and that scope. */
const GUARDED = [
  ["status", "people.status"],
  ["work_email", "people.work_email"],
  ["personal_email", "people.personal_email"],
  ["work_phone", "people.work_phone"],
  ["department", "people.department"],
  ["location", "people.location"],
  ["manager", "people.manager"],
] as const satisfies readonly (readonly [keyof Person, string])[];

function renderAll(person: PersonRecord, ctx: RenderContext): Person {
  const scopes = ctx.scopes;
  const self = `${ctx.base}/core/people/${person.id}`;
  return {
    id: person.id,
    object: "/core/people",
    url: self,
    first_name: person.firstName,
    middle_name: person.middleName,
    last_name: person.lastName,
    preferred_name: person.preferredName,
    personal_pronoun: person.pronoun,
    title: person.title,
    status: scopes.has("people.status") ? person.status : null,
    type: person.type,
    employee_number: person.employeeNumber,
    work_email: scopes.has("people.work_email") ? person.workEmail : null,
    personal_email: scopes.has("people.personal_email") ? person.personalEmail : null,
    work_phone: scopes.has("people.work_phone") ? person.workPhone : null,
    personal_phone: person.personalPhone,
    gender: person.gender,
    date_of_birth: person.dateOfBirth,
    street1: person.street1,
    street2: person.street2,
    city: person.city,
    state: person.state,
    postal_code: person.postalCode,
    country: person.country,
    is_admin: person.isAdmin,
    is_full_admin: person.isFullAdmin,
    photo_url: null,
    photo_thumbnail_url: null,
    social_security_number: null,
    federal_filing_status: null,
    company: refTo(ctx, "companies", person.companyId),
    department: refTo(ctx, "departments", person.departmentId, scopes.has("people.department")),
    location: refTo(ctx, "locations", person.locationId, scopes.has("people.location")),
    manager: refTo(ctx, "people", person.managerId, scopes.has("people.manager")),
    subordinates: listRef(`${self}/subordinates`, "/core/people"),
    employments: listRef(`${self}/employments`, "/core/employments"),
    banks: listRef(`${self}/banks`, "/core/banks"),
    custom_field_values: listRef(`${self}/custom_field_values`, "/core/custom_field_values"),
    labor_groups: listRef(`${self}/labor_groups`, "/core/labor_groups"),
  };
}
