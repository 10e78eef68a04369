import { renderCustomField, renderCustomFieldValue, renderEmployment } from "../render/employment";
import { renderCompany, renderDepartment, renderLocation } from "../render/organization";
import { renderPerson } from "../render/person";
import type { RenderContext } from "../render/refs";
import {
  employmentsOf,
  peopleAtLocation,
  peopleInDepartment,
  subordinatesOf,
  valuesOfField,
  valuesOfPerson,
} from "../store/indexes";
import type { CompanyData } from "../store/records";
import { findById } from "../store/sorted";

type Identified = { id: string };
type Renderer = (record: never, ctx: RenderContext) => object;

/** A top-level collection: /core/{name} and /core/{name}/{id}. */
export interface Collection {
  name: string;
  /** Scope needed to read it at all (403 otherwise). */
  scope: string;
  items(data: CompanyData): readonly Identified[];
  render: Renderer;
}

/** A sub-collection: /core/{parent}/{id}/{name}. */
export interface SubCollection {
  /** Every scope listed is required: the relation itself can reveal a guarded field. */
  scopes: readonly string[];
  items(data: CompanyData, parentId: string): readonly Identified[];
  render: Renderer;
}

export const COLLECTIONS: Record<string, Collection> = {
  companies: { name: "companies", scope: "companies", items: (d) => [d.company], render: renderCompany },
  people: { name: "people", scope: "people", items: (d) => d.people, render: renderPerson },
  departments: { name: "departments", scope: "departments", items: (d) => d.departments, render: renderDepartment },
  locations: { name: "locations", scope: "locations", items: (d) => d.locations, render: renderLocation },
  employments: { name: "employments", scope: "employments", items: (d) => d.employments, render: renderEmployment },
  custom_fields: {
    name: "custom_fields",
    scope: "custom_fields",
    items: (d) => d.customFields,
    render: renderCustomField,
  },
  custom_field_values: {
    name: "custom_field_values",
    scope: "custom_field_values",
    items: (d) => d.customFieldValues,
    render: renderCustomFieldValue,
  },
};

const NONE: readonly Identified[] = [];

export const SUB_COLLECTIONS: Record<string, Record<string, SubCollection>> = {
  people: {
    subordinates: { scopes: ["people", "people.manager"], items: subordinatesOf, render: renderPerson },
    employments: { scopes: ["employments"], items: employmentsOf, render: renderEmployment },
    custom_field_values: { scopes: ["custom_field_values"], items: valuesOfPerson, render: renderCustomFieldValue },
    // Banks and labor groups are out of the simulated surface: valid, always empty.
    banks: { scopes: ["people"], items: () => NONE, render: renderPerson },
    labor_groups: { scopes: ["people"], items: () => NONE, render: renderPerson },
  },
  departments: {
    people: { scopes: ["people", "people.department"], items: peopleInDepartment, render: renderPerson },
  },
  locations: {
    people: { scopes: ["people", "people.location"], items: peopleAtLocation, render: renderPerson },
  },
  companies: {
    people: { scopes: ["people"], items: (d) => d.people, render: renderPerson },
    departments: { scopes: ["departments"], items: (d) => d.departments, render: renderDepartment },
    locations: { scopes: ["locations"], items: (d) => d.locations, render: renderLocation },
    company_banks: { scopes: ["companies"], items: () => NONE, render: renderCompany },
  },
  custom_fields: {
    custom_field_values: { scopes: ["custom_field_values"], items: valuesOfField, render: renderCustomFieldValue },
  },
};

export function findInCollection(collection: Collection, data: CompanyData, id: string): Identified | undefined {
  return findById(collection.items(data), id);
}

/** Calls a renderer whose record type was erased by the registry. */
export function renderWith(render: Renderer, record: Identified, ctx: RenderContext): object {
  return (render as (record: Identified, ctx: RenderContext) => object)(record, ctx);
}
