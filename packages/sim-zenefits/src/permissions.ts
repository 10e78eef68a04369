/**
 * Token scopes. The twelve product permissions map one-to-one to Zenefits
 * scope strings; the extra scopes complete the set a simulator token can carry.
 */
export const ZENEFITS_PERMISSIONS = [
  { scope: "locations", label: "Company locations" },
  { scope: "departments", label: "Company departments" },
  { scope: "people", label: "People" },
  { scope: "people.department", label: "Person's department" },
  { scope: "people.location", label: "Person's location" },
  { scope: "people.manager", label: "Manager" },
  { scope: "people.personal_email", label: "Personal email" },
  { scope: "people.status", label: "Status" },
  { scope: "people.work_email", label: "Work email" },
  { scope: "people.work_phone", label: "Work phone" },
  { scope: "custom_fields", label: "Custom fields" },
  { scope: "custom_field_values", label: "Custom field values" },
] as const satisfies readonly { scope: string; label: string }[];

/**
 * `companies`, `employments`, `banks`, `company_banks` and `platform` are reference §1b's names.
 * The module scopes (labor groups, EEO, time off, time and attendance, payroll) are the simulator's
 * own choice: the reference names none for them (README "Scopes").
 */
export const EXTRA_SCOPES = [
  "companies",
  "employments",
  "banks",
  "company_banks",
  "labor_groups",
  "equal_employment_opportunities",
  "time_off",
  "time_attendance",
  "payroll",
  "platform",
] as const;

export const ALL_SCOPES: readonly string[] = [...ZENEFITS_PERMISSIONS.map((permission) => permission.scope), ...EXTRA_SCOPES];

const KNOWN = new Set(ALL_SCOPES);

/** Validates and de-duplicates a requested scope list, keeping the canonical order. */
export function normalizeScopes(requested: readonly string[] | undefined): string[] {
  if (requested === undefined) return [...ALL_SCOPES];
  const unknown = requested.filter((scope) => !KNOWN.has(scope));
  if (unknown.length > 0) {
    throw new Error(`Unknown scope(s): ${unknown.join(", ")}. Known: ${ALL_SCOPES.join(", ")}`);
  }
  const wanted = new Set(requested);
  return ALL_SCOPES.filter((scope) => wanted.has(scope));
}
