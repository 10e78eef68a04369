import { laborGroupsOfPerson } from "../modules/indexes";
import { renderCustomField, renderCustomFieldValue, renderEmployment } from "../render/employment";
import { renderLaborGroup } from "../render/labor-groups";
import { renderCompany, renderDepartment, renderLocation } from "../render/organization";
import { renderPerson } from "../render/person";
import {
  employmentsOf,
  peopleAtLocation,
  peopleInDepartment,
  subordinatesOf,
  valuesOfField,
  valuesOfPerson,
} from "../store/indexes";
import type { Collection, Identified } from "./collection";

const NONE: readonly Identified[] = [];

/** The directory under /core: what an HRIS sync reads (reference §5). */
export const CORE_COLLECTIONS: readonly Collection[] = [
  {
    path: "/core/companies",
    scope: "companies",
    items: (d) => [d.company],
    render: renderCompany,
    subs: {
      people: { scopes: ["people"], items: (d) => d.people, render: renderPerson },
      departments: { scopes: ["departments"], items: (d) => d.departments, render: renderDepartment },
      locations: { scopes: ["locations"], items: (d) => d.locations, render: renderLocation },
      // Bank accounts are sensitive and out of the simulated surface: valid, always empty.
      company_banks: { scopes: ["company_banks"], items: () => NONE, render: renderCompany },
    },
  },
  {
    path: "/core/people",
    scope: "people",
    items: (d) => d.people,
    render: renderPerson,
    subs: {
      subordinates: { scopes: ["people", "people.manager"], items: subordinatesOf, render: renderPerson },
      employments: { scopes: ["employments"], items: employmentsOf, render: renderEmployment },
      custom_field_values: { scopes: ["custom_field_values"], items: valuesOfPerson, render: renderCustomFieldValue },
      banks: { scopes: ["banks"], items: () => NONE, render: renderPerson },
      labor_groups: { scopes: ["people", "labor_groups"], items: laborGroupsOfPerson, render: renderLaborGroup },
    },
  },
  {
    path: "/core/departments",
    scope: "departments",
    items: (d) => d.departments,
    render: renderDepartment,
    subs: { people: { scopes: ["people", "people.department"], items: peopleInDepartment, render: renderPerson } },
  },
  {
    path: "/core/locations",
    scope: "locations",
    items: (d) => d.locations,
    render: renderLocation,
    subs: { people: { scopes: ["people", "people.location"], items: peopleAtLocation, render: renderPerson } },
  },
  { path: "/core/employments", scope: "employments", items: (d) => d.employments, render: renderEmployment },
  {
    path: "/core/custom_fields",
    scope: "custom_fields",
    items: (d) => d.customFields,
    render: renderCustomField,
    subs: {
      custom_field_values: { scopes: ["custom_field_values"], items: valuesOfField, render: renderCustomFieldValue },
    },
  },
  {
    path: "/core/custom_field_values",
    scope: "custom_field_values",
    items: (d) => d.customFieldValues,
    render: renderCustomFieldValue,
  },
  { path: "/core/banks", scope: "banks", items: () => NONE, render: renderPerson },
  { path: "/core/company_banks", scope: "company_banks", items: () => NONE, render: renderCompany },
];
