import type { FieldDef } from "./catalog";

/**
 * Custom fields every seeded company has. One is known by its numeric id only
 * (no alias), as custom fields often are; a connector must request it as "4003".
 */
function custom(id: string, alias: string | null, name: string, type: string): FieldDef {
  return { id, alias, name, type, group: "custom", listed: true, value: (e) => e.custom[id] ?? null };
}

export const SHIRT_SIZE_FIELD_ID = "4001";
export const GITHUB_FIELD_ID = "4003";

export const CUSTOM_FIELDS: readonly FieldDef[] = [
  custom(SHIRT_SIZE_FIELD_ID, "customShirtSize", "Shirt size", "list"),
  custom("4002", "customAllergies", "Allergies", "textarea"),
  custom(GITHUB_FIELD_ID, null, "GitHub username", "text"),
  custom("4004", "customBadgeExpires", "Badge expires", "date"),
  custom("4005", "customRemoteEligible", "Remote eligible", "checkbox"),
];

export const SHIRT_SIZES = ["XS", "S", "M", "L", "XL", "XXL"] as const;
