import { toWebhookTimestamp } from "../dates";
import { fieldKey } from "../fields/catalog";
import { canSeeField, resolveField } from "../fields/resolve";
import { canSeeEmployee, compileAccess } from "../model/access";
import type { UserRecord } from "../model/records";
import type { EmployeeChange } from "../store/changes";
import { viewOf } from "../store/changes";
import type { CompanyData } from "../store/company-data";
import type { EventPayload, LegacyEmployee } from "./payload";
import type { Webhook, WebhookEvent } from "./registry";

export interface PlannedDelivery {
  webhook: Webhook;
  event: WebhookEvent;
  employeeId: number;
  payload: EventPayload | { employees: LegacyEmployee[] };
}

export interface PlanContext {
  company: CompanyData;
  today: string;
  /** Legacy payload values: plain (`"First Name": "x"`) or wrapped (`{"value": "x"}`); the reference has both. */
  legacyFieldValues: "plain" | "object";
}

const ACTIONS = { created: "Created", updated: "Updated", deleted: "Deleted" } as const;

/**
 * Which webhooks hear about one change, and with what. Created and deleted
 * fire regardless of field permissions; updated fires only for monitored
 * fields the webhook's owner may see; a create fires created then updated
 * (reference §5.2). A disabled owner's webhooks stop.
 */
export function planDeliveries(change: EmployeeChange, hooks: readonly Webhook[], ctx: PlanContext): PlannedDelivery[] {
  const planned: PlannedDelivery[] = [];
  for (const webhook of hooks) {
    const owner = webhook.ownerUserId === null ? null : ctx.company.user(webhook.ownerUserId);
    if (owner === undefined || owner?.status === "disabled") continue;
    const updatedFields = monitoredChanges(change, webhook, owner);
    const timestamp = toWebhookTimestamp(change.atSec);
    for (const type of change.type === "created" ? (["created", "updated"] as const) : [change.type]) {
      const fields = type === "updated" ? updatedFields : [];
      if (type === "updated" && fields.length === 0) continue;
      const event = `employee.${type}` as const;
      if (webhook.events.includes(event)) {
        const data: EventPayload["data"] = { companyId: ctx.company.companyId, employeeId: String(change.employeeId) };
        if (type === "updated") data.changedFields = fields;
        planned.push({ webhook, event, employeeId: change.employeeId, payload: { type: event, timestamp, data } });
      }
      const legacy = `employee_with_fields.${type}` as const;
      // The legacy kind sends one Created (with its values), not Created then Updated.
      if (webhook.events.includes(legacy) && !(change.type === "created" && type === "updated")) {
        const employee = legacyEmployee(change, ACTIONS[type], fields, webhook, timestamp, ctx);
        planned.push({ webhook, event: legacy, employeeId: change.employeeId, payload: { employees: [employee] } });
      }
    }
  }
  return planned;
}

function monitoredChanges(change: EmployeeChange, webhook: Webhook, owner: UserRecord | null): string[] {
  if (change.type === "deleted") return [];
  const access = owner ? compileAccess(owner.access) : null;
  if (access && !canSeeEmployee(access, change.employeeId)) return [];
  const monitored = new Set(webhook.monitorFields);
  return change.changedFields.filter((key) => {
    if (!monitored.has(key)) return false;
    const field = resolveField(key);
    return field !== undefined && (access === null || canSeeField(access, field));
  });
}

function legacyEmployee(
  change: EmployeeChange,
  action: LegacyEmployee["action"],
  changed: string[],
  webhook: Webhook,
  timestamp: string,
  ctx: PlanContext,
): LegacyEmployee {
  const employee = ctx.company.employee(change.employeeId);
  const view = viewOf(ctx.company, ctx.today);
  const fields: LegacyEmployee["fields"] = {};
  if (employee) {
    for (const [key, label] of Object.entries(webhook.postFields)) {
      const field = resolveField(key);
      if (!field) continue;
      const value = field.value(employee, view);
      fields[label] = ctx.legacyFieldValues === "object" ? { value } : value;
    }
  }
  const names = (action === "Created" ? change.changedFields.filter((k) => webhook.monitorFields.includes(k)) : changed).map(
    (key) => {
      const field = resolveField(key);
      return field ? (webhook.postFields[fieldKey(field)] ?? field.name) : key;
    },
  );
  return { id: String(change.employeeId), action, timestamp, changedFields: names, fields };
}
