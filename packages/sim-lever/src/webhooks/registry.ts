import { randomUUID } from "node:crypto";
import type { Origin } from "../model";
import { EMITTED_EVENTS, type WebhookEvent } from "./payload";

/** One place deliveries go: the settings-page endpoint, or one created through POST /v1/webhooks. */
export interface WebhookTarget {
  id: string;
  url: string;
  events: readonly WebhookEvent[];
  source: "settings" | "api";
  /** Empty means every origin (reference §5: conditions apply to opportunity events only). */
  origins: readonly Origin[];
  createdAt: number;
  updatedAt: number;
}

/** Webhook endpoints and the account's signing token (one per account, regenerable in Lever). */
export class WebhookRegistry {
  private settingsTarget: WebhookTarget | null = null;
  private readonly apiTargets = new Map<string, WebhookTarget>();

  constructor(public signatureToken: string) {}

  setSettingsEndpoint(url: string | null, events: readonly WebhookEvent[] = EMITTED_EVENTS): void {
    if (url === null) {
      this.settingsTarget = null;
      return;
    }
    const now = Date.now();
    this.settingsTarget = { id: "settings", url, events, source: "settings", origins: [], createdAt: now, updatedAt: now };
  }

  get settingsEndpoint(): WebhookTarget | null {
    return this.settingsTarget;
  }

  createApiTarget(url: string, event: WebhookEvent, origins: readonly Origin[]): WebhookTarget {
    const now = Date.now();
    const target: WebhookTarget = {
      id: randomUUID(),
      url,
      events: [event],
      source: "api",
      origins,
      createdAt: now,
      updatedAt: now,
    };
    this.apiTargets.set(target.id, target);
    return target;
  }

  apiTarget(id: string): WebhookTarget | undefined {
    return this.apiTargets.get(id);
  }

  updateApiTarget(id: string, url: string, origins: readonly Origin[] | undefined): WebhookTarget | undefined {
    const target = this.apiTargets.get(id);
    if (!target) return undefined;
    target.url = url;
    if (origins) target.origins = origins;
    target.updatedAt = Date.now();
    return target;
  }

  deleteApiTarget(id: string): boolean {
    return this.apiTargets.delete(id);
  }

  listApiTargets(): WebhookTarget[] {
    return [...this.apiTargets.values()];
  }

  /** Targets subscribed to `event` whose origin conditions accept `origin`. */
  targetsFor(event: WebhookEvent, origin: Origin | null): WebhookTarget[] {
    const all = this.settingsTarget ? [this.settingsTarget, ...this.apiTargets.values()] : [...this.apiTargets.values()];
    return all.filter(
      (t) => t.events.includes(event) && (t.origins.length === 0 || origin === null || t.origins.includes(origin)),
    );
  }
}
