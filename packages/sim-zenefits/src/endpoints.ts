/**
 * Every endpoint the simulator serves: first each one reference §5 lists
 * (`/work/shared/reference/zenefits-api.md`, "Endpoints"), then the ones the simulator adds
 * so that every ref it emits resolves. The catalogue test walks this list, and checks it
 * against the reference when the reference is present, so an endpoint the reference
 * gains without a route here fails a test. Imports nothing, so the CLI can read it cheaply.
 */
export interface EndpointEntry {
  method: "GET" | "POST";
  /** The path as the reference writes it, ids as `{id}`, no trailing slash (both forms are served). */
  path: string;
  /** `list` pages through records, `detail` reads one object, `write` changes one. */
  kind: "list" | "detail" | "write";
  /** Every scope a token needs; missing any of them answers 403. */
  scopes: readonly string[];
  /** "reference": listed in §5; "simulator": added so the refs it emits resolve. */
  source: "reference" | "simulator";
  /** Why a seeded list is always empty, for the few that are. */
  empty?: string;
  /** A valid body, for writes. */
  body?: Record<string, unknown>;
}

const BANKS_EMPTY = "bank accounts are sensitive and not simulated";

const list = (path: string, scopes: readonly string[], extra: Partial<EndpointEntry> = {}): EndpointEntry => ({
  method: "GET",
  path,
  kind: "list",
  scopes,
  source: "reference",
  ...extra,
});
const detail = (path: string, scopes: readonly string[], extra: Partial<EndpointEntry> = {}): EndpointEntry => ({
  method: "GET",
  path,
  kind: "detail",
  scopes,
  source: "reference",
  ...extra,
});
const write = (path: string, body: Record<string, unknown>): EndpointEntry => ({
  method: "POST",
  path,
  kind: "write",
  scopes: ["platform"],
  source: "reference",
  body,
});
const added = { source: "simulator" } as const;

export const ZENEFITS_ENDPOINTS: readonly EndpointEntry[] = [
  detail("/core/me", []),
  list("/core/companies", ["companies"]),
  detail("/core/companies/{id}", ["companies"]),
  list("/core/people", ["people"]),
  detail("/core/people/{id}", ["people"]),
  list("/core/companies/{id}/people", ["people"]),
  list("/core/people/{id}/subordinates", ["people", "people.manager"]),
  list("/core/people/{id}/employments", ["employments"]),
  list("/core/people/{id}/banks", ["banks"], { empty: BANKS_EMPTY }),
  list("/core/banks", ["banks"], { empty: BANKS_EMPTY }),
  list("/core/company_banks", ["company_banks"], { empty: BANKS_EMPTY }),
  list("/core/companies/{id}/company_banks", ["company_banks"], { empty: BANKS_EMPTY }),
  list("/core/departments", ["departments"]),
  detail("/core/departments/{id}", ["departments"]),
  list("/core/companies/{id}/departments", ["departments"]),
  list("/core/departments/{id}/people", ["people", "people.department"]),
  list("/core/locations", ["locations"]),
  detail("/core/locations/{id}", ["locations"]),
  list("/core/companies/{id}/locations", ["locations"]),
  list("/core/employments", ["employments"]),
  detail("/core/employments/{id}", ["employments"]),
  list("/core/custom_fields", ["custom_fields"]),
  list("/core/custom_field_values", ["custom_field_values"]),
  detail("/core/custom_field_values/{id}", ["custom_field_values"]),
  list("/core/labor_groups", ["labor_groups"]),
  list("/core/labor_group_types", ["labor_groups"]),
  list("/core/labor_group_types/{id}/labor_groups", ["labor_groups"]),
  list("/core/equal_employment_opportunities", ["equal_employment_opportunities"]),
  list("/time_off/vacation_requests", ["time_off"]),
  list("/time_off/vacation_types", ["time_off"]),
  list("/time_attendance/time_durations", ["time_attendance"]),
  list("/payroll/payruns", ["payroll"]),
  list("/payroll/payrun_pay_stubs", ["payroll"]),
  list("/platform/applications", ["platform"]),
  detail("/platform/applications/{id}", ["platform"]),
  list("/platform/company_installs", ["platform"]),
  detail("/platform/company_installs/{id}", ["platform"]),
  list("/platform/person_subscriptions", ["platform"]),
  detail("/platform/person_subscriptions/{id}", ["platform"]),
  list("/platform/person_subscriptions/{id}/flows", ["platform"]),
  list("/platform/flows", ["platform"]),
  write("/platform/company_installs/{id}/status_changes", { status: "not_enrolled" }),
  write("/platform/company_installs/{id}/fields_changes", { fields: { external_id: "roster-42" } }),
  write("/platform/person_subscriptions/{id}/status_changes", { status: "not_enrolled" }),
  write("/platform/person_subscriptions/{id}/fields_changes", { fields: { role: "admin" } }),
  write("/platform/flows/{id}/fields_changes", { fields: { step: "done" } }),
  write("/platform/flows", { fields: { name: "Offboarding" } }),

  detail("/core/custom_fields/{id}", ["custom_fields"], added),
  list("/core/custom_fields/{id}/custom_field_values", ["custom_field_values"], added),
  list("/core/people/{id}/custom_field_values", ["custom_field_values"], added),
  list("/core/people/{id}/labor_groups", ["people", "labor_groups"], added),
  list("/core/locations/{id}/people", ["people", "people.location"], added),
  detail("/core/labor_groups/{id}", ["labor_groups"], added),
  list("/core/labor_groups/{id}/assigned_members", ["labor_groups", "people"], added),
  detail("/core/labor_group_types/{id}", ["labor_groups"], added),
  detail("/core/equal_employment_opportunities/{id}", ["equal_employment_opportunities"], added),
  detail("/time_off/vacation_requests/{id}", ["time_off"], added),
  detail("/time_off/vacation_types/{id}", ["time_off"], added),
  list("/time_off/vacation_types/{id}/vacation_requests", ["time_off"], added),
  detail("/time_attendance/time_durations/{id}", ["time_attendance"], added),
  detail("/payroll/payruns/{id}", ["payroll"], added),
  list("/payroll/payruns/{id}/people", ["payroll", "people"], added),
  detail("/payroll/payrun_pay_stubs/{id}", ["payroll"], added),
  detail("/platform/flows/{id}", ["platform"], added),
];
