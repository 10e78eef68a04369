import type { CustomFieldValue, Mapped } from "@roster/core";
import { customFieldType } from "./custom-field";
import { dateOrNull, failure, type Scalar, textOrNull } from "./fields";

/** One employee's value of one custom field, as the report gave it, with the field's type. */
export interface CustomFieldValueRaw {
  employeeId: string;
  fieldId: string;
  fieldType: string | null;
  value: Scalar;
}

/** Employee and field: one value per pair. */
export function customFieldValueRemoteId(employeeId: string, fieldId: string): string {
  return `${employeeId}:${fieldId}`;
}

/** Whether a report cell holds a value: "", null and BambooHR's "0000-00-00" date do not. */
export function hasValue(value: Scalar): boolean {
  return textOrNull(value) !== null && !String(value).trim().startsWith("0000-00-00");
}

const yes = new Set(["yes", "true", "1", "on", "checked"]);
const no = new Set(["no", "false", "0", "off", "unchecked"]);

/**
 * A report cell → CustomFieldValue, typed by the field: checkboxes ("Yes"/"No") become booleans,
 * numbers numbers, dates YYYY-MM-DD; a value that does not fit its type is kept as the text
 * BambooHR sent rather than dropped.
 */
export function mapCustomFieldValue(raw: CustomFieldValueRaw): Mapped<CustomFieldValue> {
  const remoteId = customFieldValueRemoteId(raw.employeeId, raw.fieldId);
  if (!hasValue(raw.value)) return failure(remoteId, "Custom field value is empty");
  const text = textOrNull(raw.value)!;
  let value: string | number | boolean = text;
  switch (customFieldType(raw.fieldType)) {
    case "boolean": {
      const word = text.toLowerCase();
      value = yes.has(word) ? true : no.has(word) ? false : text;
      break;
    }
    case "number": {
      const number = Number(text.replace(/,/g, ""));
      value = text !== "" && Number.isFinite(number) ? number : text;
      break;
    }
    case "date":
      value = dateOrNull(text) ?? text;
      break;
    default:
      value = typeof raw.value === "string" ? raw.value : text;
  }
  return {
    ok: true,
    value: {
      remoteId,
      remoteData: raw,
      remoteUpdatedAt: null,
      employeeRemoteId: raw.employeeId,
      customFieldRemoteId: raw.fieldId,
      value,
    },
  };
}
