import type { CompiledAccess } from "../model/access";
import { type FieldDef, fieldKey, STANDARD_FIELDS } from "./catalog";
import { CUSTOM_FIELDS } from "./custom-fields";

export const ALL_FIELDS: readonly FieldDef[] = [...STANDARD_FIELDS, ...CUSTOM_FIELDS];

const BY_NAME = new Map<string, FieldDef>();
for (const field of ALL_FIELDS) {
  if (field.alias !== null) BY_NAME.set(field.alias, field);
  BY_NAME.set(String(field.id), field);
}

/** A field by alias or by numeric id (both are accepted wherever fields are named, reference §2.2). */
export function resolveField(name: string): FieldDef | undefined {
  return BY_NAME.get(name.trim());
}

export function canSeeField(access: CompiledAccess, field: FieldDef): boolean {
  if (field.group !== null && access.hiddenGroups.has(field.group)) return false;
  return !access.hiddenFields.has(fieldKey(field)) && !access.hiddenFields.has(String(field.id));
}

/** BambooHR refuses requests naming more than this many fields (reference §2.2, §2.4). */
export const MAX_FIELDS_PER_REQUEST = 400;
