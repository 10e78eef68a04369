import type { CustomField, Mapped } from "@roster/core";
import { rawCustomField } from "../raw";
import { failure, parseRecord, textOrNull } from "./fields";

type CustomFieldType = CustomField["type"];

/**
 * `custom_field_type` words → Roster's field types. Zenefits' vocabulary is unconfirmed
 * (reference §6), so common spellings are accepted and anything else is "other".
 */
const fieldTypeTable: ReadonlyMap<string, CustomFieldType> = new Map([
  ...(["text", "string", "short_text", "long_text", "paragraph", "textarea", "email", "phone", "url"] as const).map(
    (word) => [word, "text"] as const,
  ),
  ...(["number", "numeric", "integer", "int", "decimal", "float", "currency", "percent", "percentage"] as const).map(
    (word) => [word, "number"] as const,
  ),
  ...(["date", "datetime"] as const).map((word) => [word, "date"] as const),
  ...(["boolean", "bool", "checkbox", "yes_no", "yesno"] as const).map((word) => [word, "boolean"] as const),
  ...(["select", "dropdown", "single_select", "choice", "radio", "picklist", "enum"] as const).map(
    (word) => [word, "select"] as const,
  ),
]);

export function mapCustomFieldType(word: string | null): CustomFieldType {
  if (word === null) return "other";
  return (
    fieldTypeTable.get(
      word
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, "_"),
    ) ?? "other"
  );
}

/** A /core/custom_fields record (reference §6, "Custom field") → CustomField. */
export function mapCustomField(input: unknown): Mapped<CustomField> {
  const parsed = parseRecord(rawCustomField, input, "custom field");
  if (!parsed.ok) return parsed.failure;
  const raw = parsed.raw;
  const remoteId = String(raw.id);
  const name = textOrNull(raw.name);
  if (name === null) return failure(remoteId, 'Custom field has no "name"');
  const type = mapCustomFieldType(textOrNull(raw.custom_field_type));
  return {
    ok: true,
    value: {
      remoteId,
      remoteData: input,
      remoteUpdatedAt: null,
      name,
      type,
      options: type === "select" ? optionsOf(raw.options) : null,
    },
  };
}

/**
 * The reference documents no list of choices; when a payload carries an `options` array
 * (plain strings, or objects with a label/value) it is used, otherwise null ("unknown").
 */
function optionsOf(options: unknown[] | null | undefined): string[] | null {
  if (!options) return null;
  const labels = options
    .map((option) => {
      if (typeof option === "string" || typeof option === "number") return String(option);
      if (typeof option === "object" && option !== null) {
        const { label, value, name } = option as Record<string, unknown>;
        const picked = label ?? name ?? value;
        return typeof picked === "string" || typeof picked === "number" ? String(picked) : null;
      }
      return null;
    })
    .filter((label): label is string => label !== null && label.trim() !== "");
  return labels.length > 0 ? labels : null;
}
