import type { CustomFieldRecord, CustomFieldValueRecord, EmploymentRecord } from "../store/records";
import { listRef, type RenderContext, refTo } from "./refs";
import type { CustomField, CustomFieldValue, Employment } from "./types";

export function renderEmployment(employment: EmploymentRecord, ctx: RenderContext): Employment {
  return {
    id: employment.id,
    object: "/core/employments",
    url: `${ctx.base}/core/employments/${employment.id}`,
    person: refTo(ctx, "people", employment.personId),
    hire_date: employment.hireDate,
    termination_date: employment.terminationDate,
    termination_type: employment.terminationType,
    employment_type: employment.employmentType,
    employment_sub_type: null,
    comp_type: employment.compType,
    amount_type: null,
    annual_salary: employment.annualSalary,
    pay_rate: employment.payRate,
    working_hours_per_week: employment.hoursPerWeek,
    is_active: employment.isActive,
    is_flsa_exempt: employment.isFlsaExempt,
  };
}

export function renderCustomField(field: CustomFieldRecord, ctx: RenderContext): CustomField {
  const self = `${ctx.base}/core/custom_fields/${field.id}`;
  return {
    id: field.id,
    object: "/core/custom_fields",
    url: self,
    name: field.name,
    custom_field_type: field.type,
    help_text: field.helpText,
    help_url: null,
    help_url_media: null,
    media_file_type: null,
    is_sensitive: field.isSensitive,
    is_field_required: field.isRequired,
    can_manager_view_field: !field.isSensitive,
    can_person_view_field: true,
    can_person_edit_field: !field.isSensitive,
    company_during_hiring: false,
    person_during_onboarding: true,
    is_field_completer_person: true,
    company: refTo(ctx, "companies", field.companyId),
    custom_field_values: listRef(`${self}/custom_field_values`, "/core/custom_field_values"),
  };
}

export function renderCustomFieldValue(value: CustomFieldValueRecord, ctx: RenderContext): CustomFieldValue {
  return {
    id: value.id,
    object: "/core/custom_field_values",
    url: `${ctx.base}/core/custom_field_values/${value.id}`,
    value: value.value,
    custom_field: refTo(ctx, "custom_fields", value.customFieldId),
    person: refTo(ctx, "people", value.personId),
  };
}
