import { randomBytes } from "node:crypto";

/** New event-based names, and the legacy field-based ones `events` defaults to when omitted (reference §5.1). */
export const EMPLOYEE_EVENTS = ["employee.created", "employee.updated", "employee.deleted"] as const;
export const LEGACY_EVENTS = [
  "employee_with_fields.created",
  "employee_with_fields.updated",
  "employee_with_fields.deleted",
] as const;
export const COMPANY_EVENTS = ["company.updated", "company.deleted", "company-integrations.updated"] as const;
export const WEBHOOK_EVENTS = [...EMPLOYEE_EVENTS, ...LEGACY_EVENTS, ...COMPANY_EVENTS] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export interface WebhookSettings {
  name: string;
  url: string;
  format: "json" | "form-encoded";
  events: WebhookEvent[];
  /** Field keys (aliases, else ids) whose changes fire `*.updated`. */
  monitorFields: string[];
  /** Legacy payloads: field key → the name its value is posted under. */
  postFields: Record<string, string>;
  /** Adds the company domain as a request header. */
  includeCompanyDomain: boolean;
}

export interface Webhook extends WebhookSettings {
  id: string;
  companyDomain: string;
  /** The creating user (a permissioned webhook); null for a global one made through the admin API. */
  ownerUserId: number | null;
  /** The HMAC key, shown to the creator once. */
  privateKey: string;
  createdSec: number;
  lastSentSec: number | null;
}

/** Every webhook of every company, ids unique across the simulator. */
export class WebhookRegistry {
  private readonly hooks = new Map<string, Webhook>();
  private nextId = 1;

  /** `privateKey`: a fixed key (a sandbox's, pasted beforehand); default a fresh random one. */
  create(
    companyDomain: string,
    ownerUserId: number | null,
    settings: WebhookSettings,
    createdSec: number,
    privateKey: string = randomBytes(32).toString("hex"),
  ): Webhook {
    const webhook: Webhook = {
      ...settings,
      id: String(this.nextId++),
      companyDomain,
      ownerUserId,
      privateKey,
      createdSec,
      lastSentSec: null,
    };
    this.hooks.set(webhook.id, webhook);
    return webhook;
  }

  get(id: string): Webhook | undefined {
    return this.hooks.get(id);
  }

  /** PUT is a full replacement of the settings; id, owner and key stay. */
  replace(id: string, settings: WebhookSettings): Webhook | undefined {
    const webhook = this.hooks.get(id);
    if (!webhook) return undefined;
    Object.assign(webhook, settings);
    return webhook;
  }

  delete(id: string): boolean {
    return this.hooks.delete(id);
  }

  forCompany(companyDomain: string): Webhook[] {
    return [...this.hooks.values()].filter((hook) => hook.companyDomain === companyDomain);
  }

  all(): Webhook[] {
    return [...this.hooks.values()];
  }

  clear(): void {
    this.hooks.clear();
  }
}
