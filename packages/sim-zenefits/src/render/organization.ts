import type { CompanyRecord, DepartmentRecord, LocationRecord } from "../store/records";
import { detailRef, listRef, type RenderContext, refTo } from "./refs";
import type { Company, Department, Location } from "./types";

export function renderCompany(company: CompanyRecord, ctx: RenderContext): Company {
  const self = `${ctx.base}/core/companies/${company.id}`;
  return {
    id: company.id,
    object: "/core/companies",
    url: self,
    name: company.name,
    legal_name: company.legalName,
    ein: company.ein,
    legal_street1: company.legalStreet1,
    legal_street2: company.legalStreet2,
    legal_city: company.legalCity,
    legal_state: company.legalState,
    legal_zip: company.legalZip,
    logo_url: null,
    people: listRef(`${self}/people`, "/core/people"),
    departments: listRef(`${self}/departments`, "/core/departments"),
    locations: listRef(`${self}/locations`, "/core/locations"),
    company_banks: listRef(`${self}/company_banks`, "/core/company_banks"),
  };
}

export function renderDepartment(department: DepartmentRecord, ctx: RenderContext): Department {
  const self = `${ctx.base}/core/departments/${department.id}`;
  return {
    id: department.id,
    object: "/core/departments",
    url: self,
    name: department.name,
    company: refTo(ctx, "companies", department.companyId),
    people: listRef(`${self}/people`, "/core/people"),
    labor_group: detailRef(null, "/core/labor_groups"),
  };
}

export function renderLocation(location: LocationRecord, ctx: RenderContext): Location {
  const self = `${ctx.base}/core/locations/${location.id}`;
  return {
    id: location.id,
    object: "/core/locations",
    url: self,
    name: location.name,
    street1: location.street1,
    street2: location.street2,
    city: location.city,
    state: location.state,
    zip: location.zip,
    country: location.country,
    phone: location.phone,
    company: refTo(ctx, "companies", location.companyId),
    people: listRef(`${self}/people`, "/core/people"),
    labor_group: detailRef(null, "/core/labor_groups"),
  };
}
