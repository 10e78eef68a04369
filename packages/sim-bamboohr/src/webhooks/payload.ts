import type { FieldValue } from "../fields/catalog";

/**
 * Webhook bodies (reference §5.2). Event-based payloads carry ids and changed
 * field names only; legacy field-based ones carry the posted fields' values.
 */
export interface EventPayload {
  type: string;
  timestamp: string;
  data: { companyId: string; employeeId: string; changedFields?: string[] };
}

export interface LegacyEmployee {
  id: string;
  action: "Created" | "Updated" | "Deleted";
  timestamp: string;
  changedFields: string[];
  fields: Record<string, FieldValue | { value: FieldValue }>;
}

/** PHP-style form encoding (`data[changedFields][0]=firstName`), brackets left readable as in the reference. */
export function formEncode(value: unknown, prefix = ""): string[] {
  if (value === null || value === undefined) return prefix ? [`${prefix}=`] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => formEncode(item, `${prefix}[${index}]`));
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) =>
      formEncode(item, prefix ? `${prefix}[${encodeURIComponent(key)}]` : encodeURIComponent(key)),
    );
  }
  return [`${prefix}=${encodeURIComponent(String(value))}`];
}

export function serialize(payload: unknown, format: "json" | "form-encoded"): { body: string; contentType: string } {
  if (format === "json") return { body: JSON.stringify(payload), contentType: "application/json" };
  return { body: formEncode(payload).join("&"), contentType: "application/x-www-form-urlencoded" };
}
