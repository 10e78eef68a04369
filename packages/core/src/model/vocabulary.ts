import type { ModelField, ModelName } from "./index";

/**
 * How Roster names its models and fields to people (dashboard, emails, CLI): one vocabulary,
 * so no screen shows "customFieldValues" or "managerRemoteId".
 */
export const modelLabels: { readonly [M in ModelName]: { one: string; many: string } } = {
  companies: { one: "company", many: "Companies" },
  departments: { one: "department", many: "Departments" },
  locations: { one: "location", many: "Locations" },
  employees: { one: "person", many: "People" },
  employments: { one: "employment", many: "Employments" },
  customFields: { one: "custom field", many: "Custom fields" },
  customFieldValues: { one: "custom field value", many: "Custom field values" },
  candidates: { one: "candidate", many: "Candidates" },
};

export const fieldLabels: { readonly [M in ModelName]: { readonly [F in ModelField<M>]: string } } = {
  companies: { name: "Name", legalName: "Legal name" },
  departments: { name: "Name", parentRemoteId: "Parent department" },
  locations: {
    name: "Name",
    street1: "Street",
    street2: "Street (line 2)",
    city: "City",
    state: "State",
    postalCode: "Postal code",
    country: "Country",
    phone: "Phone",
  },
  employees: {
    firstName: "First name",
    lastName: "Last name",
    preferredName: "Preferred name",
    displayName: "Name",
    workEmail: "Work email",
    personalEmail: "Personal email",
    workPhone: "Work phone",
    personalPhone: "Personal phone",
    status: "Status",
    remoteStatus: "Status as the provider says it",
    employmentType: "Employment type",
    jobTitle: "Job title",
    departmentRemoteId: "Department",
    locationRemoteId: "Location",
    managerRemoteId: "Manager",
    hireDate: "Hire date",
    startDate: "Start date",
    terminationDate: "Termination date",
  },
  employments: {
    employeeRemoteId: "Person",
    employmentType: "Employment type",
    startDate: "Start date",
    terminationDate: "Termination date",
    terminationType: "Termination type",
    isActive: "Active",
  },
  customFields: { name: "Name", type: "Type", options: "Choices" },
  customFieldValues: { employeeRemoteId: "Person", customFieldRemoteId: "Custom field", value: "Value" },
  candidates: {
    firstName: "First name",
    lastName: "Last name",
    displayName: "Name",
    email: "Email",
    phone: "Phone",
    status: "Status",
    stageId: "Stage",
    stageName: "Stage name",
    jobTitle: "Job title",
    jobLocation: "Location",
    hiredAt: "Hired",
    archivedAt: "Archived",
  },
};

/** A field's name in people's words; the field itself when the vocabulary lacks it. */
export function fieldLabel(model: ModelName, field: string): string {
  return (fieldLabels[model] as Record<string, string>)[field] ?? field;
}
