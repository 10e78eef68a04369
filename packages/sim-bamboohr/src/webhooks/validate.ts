import { fieldKey } from "../fields/catalog";
import { canSeeField, resolveField } from "../fields/resolve";
import type { CompiledAccess } from "../model/access";
import { EMPLOYEE_EVENTS, LEGACY_EVENTS, WEBHOOK_EVENTS, type WebhookEvent, type WebhookSettings } from "./registry";

export type WebhookCheck =
  | { ok: true; settings: WebhookSettings }
  | { ok: false; status: 400; issues: string[] }
  | { ok: false; status: 403; monitorFields: string[]; postFields: string[]; unknownFields: string[] };

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/i;

/**
 * Checks a POST/PUT /v1/webhooks body (reference §5.1): https URL, a format,
 * events (legacy field-based ones when omitted, never mixed with new ones),
 * monitorFields whenever an updated event is asked for. Then the creator must
 * be able to see every monitored and posted field (else 403 listing them).
 */
export function checkWebhook(body: unknown, access: CompiledAccess | null, httpsOnly: boolean): WebhookCheck {
  const issues: string[] = [];
  const record = typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  if (!record) return { ok: false, status: 400, issues: ["The body must be a JSON object"] };
  const { name, url, format, events, monitorFields, postFields, includeCompanyDomain } = record;
  if (typeof name !== "string" || name.trim() === "") issues.push("name is required");
  if (typeof url !== "string") issues.push("url is required");
  else if (!isAllowedUrl(url, httpsOnly)) issues.push("url must start with https://");
  if (format !== "json" && format !== "form-encoded") issues.push('format must be "json" or "form-encoded"');
  const chosen: WebhookEvent[] = events === undefined ? [...LEGACY_EVENTS] : [];
  if (events !== undefined) {
    if (!Array.isArray(events) || events.length === 0) issues.push("events must be a non-empty array");
    else
      for (const event of events) {
        if ((WEBHOOK_EVENTS as readonly unknown[]).includes(event)) chosen.push(event as WebhookEvent);
        else issues.push(`Unknown event "${String(event)}"`);
      }
  }
  const hasNew = chosen.some((e) => (EMPLOYEE_EVENTS as readonly string[]).includes(e));
  const hasLegacy = chosen.some((e) => (LEGACY_EVENTS as readonly string[]).includes(e));
  if (hasNew && hasLegacy) issues.push("New and legacy (employee_with_fields.*) events cannot be mixed");
  const needsMonitor = chosen.includes("employee.updated") || chosen.includes("employee_with_fields.updated");
  const monitor = Array.isArray(monitorFields) ? monitorFields : [];
  if (monitorFields !== undefined && (!Array.isArray(monitorFields) || !monitor.every((f) => typeof f === "string"))) {
    issues.push("monitorFields must be an array of field names");
  } else if (needsMonitor && monitor.length === 0) issues.push("monitorFields is required for updated events");
  const posted = postFields ?? {};
  if (
    typeof posted !== "object" ||
    posted === null ||
    Array.isArray(posted) ||
    !Object.values(posted).every((v) => typeof v === "string")
  ) {
    issues.push("postFields must be an object of field name to label");
  }
  if (includeCompanyDomain !== undefined && typeof includeCompanyDomain !== "boolean")
    issues.push("includeCompanyDomain must be a boolean");
  if (issues.length > 0) return { ok: false, status: 400, issues };

  const denied = { monitorFields: [] as string[], postFields: [] as string[], unknownFields: [] as string[] };
  const keyOf = (name: string, list: string[]) => {
    const field = resolveField(name);
    if (!field) denied.unknownFields.push(name);
    else if (access && !canSeeField(access, field)) list.push(name);
    return field ? fieldKey(field) : name;
  };
  const monitorKeys = (monitor as string[]).map((f) => keyOf(f, denied.monitorFields));
  const postKeys = Object.fromEntries(
    Object.entries(posted as Record<string, string>).map(([f, label]) => [keyOf(f, denied.postFields), label]),
  );
  if (denied.monitorFields.length + denied.postFields.length + denied.unknownFields.length > 0)
    return { ok: false, status: 403, ...denied };
  return {
    ok: true,
    settings: {
      name: name as string,
      url: url as string,
      format: format as WebhookSettings["format"],
      events: [...new Set(chosen)],
      monitorFields: [...new Set(monitorKeys)],
      postFields: postKeys,
      includeCompanyDomain: includeCompanyDomain === true,
    },
  };
}

function isAllowedUrl(raw: string, httpsOnly: boolean): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === "https:") return true;
  // Local receivers in tests have no certificate; BambooHR itself only posts over https.
  return url.protocol === "http:" && (!httpsOnly || LOOPBACK.test(url.hostname));
}
