import type { Rng } from "../prng";
import type { CustomFieldRecord, CustomFieldType, CustomFieldValueRecord, PersonRecord } from "../store/records";
import { daysToIso, TODAY_DAYS } from "./dates";

interface FieldSpec {
  name: string;
  type: CustomFieldType;
  options?: readonly string[];
  helpText?: string;
  isSensitive?: boolean;
  /** Share of people that have a value for this field. */
  fill: number;
}

const FIELD_SPECS: readonly FieldSpec[] = [
  { name: "T-shirt size", type: "select", options: ["XS", "S", "M", "L", "XL"], fill: 0.35 },
  { name: "Legacy employee ID", type: "text", helpText: "ID from the previous HR system", fill: 0.25 },
  { name: "Desk number", type: "number", fill: 0.2 },
  { name: "Badge expiry", type: "date", fill: 0.15 },
  { name: "Remote eligible", type: "boolean", fill: 0.4 },
  { name: "Emergency contact", type: "text", isSensitive: true, fill: 0.1 },
  {
    name: "Dietary preference",
    type: "select",
    options: ["None", "Vegetarian", "Vegan", "Halal", "Kosher", "Gluten-free"],
    fill: 0.15,
  },
];

/** Select options are published in help_text as "Options: A, B, C" (documented in the README). */
export function selectHelpText(options: readonly string[]): string {
  return `Options: ${options.join(", ")}`;
}

export function generateCustomFields(companyId: string, nextId: () => string): CustomFieldRecord[] {
  return FIELD_SPECS.map((spec) => ({
    id: nextId(),
    companyId,
    name: spec.name,
    type: spec.type,
    options: spec.options ?? null,
    helpText: spec.options ? selectHelpText(spec.options) : (spec.helpText ?? ""),
    isSensitive: spec.isSensitive ?? false,
    isRequired: false,
  }));
}

function randomValue(rng: Rng, field: CustomFieldRecord, person: PersonRecord): string | boolean | null {
  // A few stored values are empty, as when an admin clears a field.
  if (rng.chance(0.02)) return null;
  switch (field.type) {
    case "select":
      return rng.pick(field.options ?? [""]);
    case "number":
      return String(rng.int(1, 450));
    case "date":
      return daysToIso(TODAY_DAYS + rng.int(-200, 900));
    case "boolean":
      return rng.chance(0.5);
    case "text":
      return field.isSensitive
        ? `${person.lastName} family (${rng.int(200, 999)}) 555-${String(rng.int(0, 9999)).padStart(4, "0")}`
        : `EMP-${String(rng.int(1, 999999)).padStart(6, "0")}`;
  }
}

/** Values for some people only: each field has its own fill rate; `everyField` forces all. */
export function valuesForPerson(
  rng: Rng,
  fields: readonly CustomFieldRecord[],
  person: PersonRecord,
  mode: "random" | "everyField" | "none",
  nextId: () => string,
): CustomFieldValueRecord[] {
  if (mode === "none" || person.type === "admin") return [];
  const out: CustomFieldValueRecord[] = [];
  fields.forEach((field, index) => {
    const fill = FIELD_SPECS[index]?.fill ?? 0.5;
    if (mode === "everyField" || rng.chance(fill)) {
      out.push({ id: nextId(), customFieldId: field.id, personId: person.id, value: randomValue(rng, field, person) });
    }
  });
  return out;
}
