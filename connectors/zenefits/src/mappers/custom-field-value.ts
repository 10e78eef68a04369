import type { CustomFieldValue, Mapped } from "@roster/core";
import { rawCustomFieldValue } from "../raw";
import { failure, parseRecord, refId } from "./fields";

/**
 * A /core/custom_field_values record (reference §6, "Custom field value") → CustomFieldValue.
 * The value is kept as sent (usually a string, sometimes a boolean); the field's type says how to read it.
 */
export function mapCustomFieldValue(input: unknown): Mapped<CustomFieldValue> {
  const parsed = parseRecord(rawCustomFieldValue, input, "custom field value");
  if (!parsed.ok) return parsed.failure;
  const raw = parsed.raw;
  const remoteId = String(raw.id);
  const employeeRemoteId = refId(raw.person);
  if (employeeRemoteId === null) return failure(remoteId, 'Custom field value names no person ("person.url" is null or missing)');
  const customFieldRemoteId = refId(raw.custom_field);
  if (customFieldRemoteId === null) {
    return failure(remoteId, 'Custom field value names no field ("custom_field.url" is null or missing)');
  }
  return {
    ok: true,
    value: {
      remoteId,
      remoteData: input,
      remoteUpdatedAt: null,
      employeeRemoteId,
      customFieldRemoteId,
      value: raw.value ?? null,
    },
  };
}
