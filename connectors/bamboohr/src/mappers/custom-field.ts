import type { CustomField, Mapped } from "@roster/core";
import type { RawMetaField } from "../raw";
import { failure } from "./fields";

type CustomFieldType = CustomField["type"];

/** `meta/fields` types (reference §2.3, §2.5) → Roster's; anything else is "other". */
const fieldTypes: ReadonlyMap<string, CustomFieldType> = new Map([
  ...(["text", "textarea", "email", "phone", "url", "employee_number", "ssn"] as const).map((t) => [t, "text"] as const),
  ...(["int", "integer", "number", "decimal", "currency", "percentage", "percent"] as const).map((t) => [t, "number"] as const),
  ...(["date"] as const).map((t) => [t, "date"] as const),
  ...(["checkbox", "bool", "boolean"] as const).map((t) => [t, "boolean"] as const),
  ...(["list", "multilist", "dropdown", "select"] as const).map((t) => [t, "select"] as const),
]);

export function customFieldType(type: string | null | undefined): CustomFieldType {
  return fieldTypes.get(type?.trim().toLowerCase() ?? "") ?? "other";
}

/**
 * Whether a `meta/fields` entry is one of the company's own fields. BambooHR marks none as
 * custom; its standard fields carry the aliases of the official field list, and custom ones
 * either none (asked for by id, e.g. "4003") or one starting with "custom" (customShirtSize).
 * Deprecated fields are left out.
 */
export function isCustomField(field: RawMetaField): boolean {
  if (field.deprecated === true || field.deprecated === "true" || field.deprecated === "yes") return false;
  const alias = field.alias?.trim();
  return !alias || /^custom[A-Z0-9_]/.test(alias);
}

/** A custom field definition with the options of its list (meta/lists), when it is a list field. */
export interface CustomFieldRaw {
  field: RawMetaField;
  options: readonly string[] | null;
}

/** A custom field's `meta/fields` entry → CustomField; remote id = BambooHR's field id. */
export function mapCustomField(raw: CustomFieldRaw): Mapped<CustomField> {
  const { field } = raw;
  const name = field.name?.trim() || field.alias?.trim();
  if (!name) return failure(field.id, "Custom field has neither a name nor an alias");
  const type = customFieldType(field.type);
  return {
    ok: true,
    value: {
      remoteId: field.id,
      remoteData: field,
      remoteUpdatedAt: null,
      name,
      type,
      options: type === "select" && raw.options && raw.options.length > 0 ? [...raw.options] : null,
    },
  };
}
