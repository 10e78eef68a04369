import { createHash } from "node:crypto";
import type { WebhookEvent } from "@roster/core";
import { z } from "zod";
import { instantOrNull } from "../mappers/fields";
import { parseFormBody } from "./form";

const id = z.union([z.string().min(1), z.number()]).transform(String);
const changedFields = z.array(z.union([z.string(), z.number()]).transform(String)).nullish();

/** Event-based payload (reference §5.2): `{type, timestamp, data: {companyId, employeeId, changedFields?}}`. */
const eventPayload = z.looseObject({
  type: z.string().min(1),
  timestamp: z.string().nullish(),
  data: z.looseObject({ companyId: id.nullish(), employeeId: id.nullish(), changedFields }).nullish(),
});

/** Field-based (legacy) payload (§5.2): `{employees: [{id, action, timestamp, changedFields, fields}]}`, maybe several. */
const legacyPayload = z.looseObject({
  employees: z.array(
    z.looseObject({ id, action: z.string().nullish(), timestamp: z.string().nullish(), changedFields, fields: z.unknown() }),
  ),
});

/** A body as the route has it: raw text (JSON or form-encoded) or already-parsed JSON. */
export function bodyObject(body: unknown): unknown {
  if (typeof body !== "string") return body;
  try {
    return JSON.parse(body);
  } catch {
    return parseFormBody(body);
  }
}

/**
 * BambooHR sends no delivery id, and a retry resends the identical body (only the timestamp
 * header changes, §5.4), so the event's own content identifies it: a replay, or a retry of one
 * already handled, hashes to the same id.
 */
function eventId(parts: Record<string, unknown>): string {
  return `bamboohr:${createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 40)}`;
}

function occurredAt(timestamp: string | null | undefined, fallback: Date): Date {
  const instant = instantOrNull(timestamp);
  return instant === null ? fallback : new Date(instant);
}

/**
 * The events of a delivery. Employee events ask Roster to re-read that employee (a deleted one is
 * then reported deleted by the read); BambooHR sends no values to trust (§5.2: "fetch the employee
 * afterwards"). Company events and unknown shapes are acknowledged only.
 */
export function parseWebhookBody(body: unknown, received: Date = new Date(0)): WebhookEvent[] {
  const json = bodyObject(body);
  const legacy = legacyPayload.safeParse(json);
  if (legacy.success) {
    return legacy.data.employees.map((employee) => {
      const action = employee.action?.trim().toLowerCase() ?? "updated";
      const type = `employee_with_fields.${action}`;
      return {
        id: eventId({ type, employeeId: employee.id, timestamp: employee.timestamp, changed: employee.changedFields }),
        type,
        remoteId: employee.id,
        occurredAt: occurredAt(employee.timestamp, received),
        data: employee,
        effect: { kind: "records_changed", stream: "employees", remoteIds: [employee.id] },
      };
    });
  }
  const event = eventPayload.safeParse(json);
  if (!event.success) return [];
  const { type, timestamp, data } = event.data;
  const employeeId = data?.employeeId ?? null;
  const remoteId = employeeId ?? data?.companyId ?? "company";
  return [
    {
      id: eventId({ type, timestamp, remoteId, changed: data?.changedFields }),
      type,
      remoteId,
      occurredAt: occurredAt(timestamp, received),
      data: data ?? null,
      ...(type.startsWith("employee") && employeeId !== null
        ? { effect: { kind: "records_changed" as const, stream: "employees", remoteIds: [employeeId] } }
        : {}),
    },
  ];
}
