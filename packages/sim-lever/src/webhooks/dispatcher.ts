import type { Origin } from "../model";
import { buildEnvelope, type WebhookEvent } from "./payload";
import { postWebhook } from "./post-json";
import type { WebhookRegistry } from "./registry";

/**
 * Lever retries a failed delivery five times "with growing delays" (reference §5) but publishes no
 * schedule; these are the simulator's choice (README). Tests pass short ones.
 */
export const DEFAULT_RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000];
const DELIVERY_TIMEOUT_MS = 10_000;

export type DeliveryKind = "event" | "replay" | "forged" | "verify";

export interface WebhookLogEntry {
  id: number;
  kind: DeliveryKind;
  event: string;
  /** Empty for the verify ping, whose data is `{}`. */
  opportunityId: string;
  url: string;
  attempts: number;
  lastStatus: number | null;
  /** Status of every attempt in order (null = unreachable or timed out). */
  statuses: (number | null)[];
  /** The exact JSON body sent (identical on every retry). */
  body: string;
  done: boolean;
}

const isSuccess = (status: number | null) => status !== null && status >= 200 && status < 300;

export class WebhookDispatcher {
  private readonly entries: WebhookLogEntry[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private abort = new AbortController();
  private nextId = 1;

  constructor(
    readonly registry: WebhookRegistry,
    public retryDelaysMs: readonly number[] = DEFAULT_RETRY_DELAYS_MS,
  ) {}

  /**
   * Sends `event` to every subscribed target and resolves once each first attempt is answered, with
   * those first statuses in target order. Failed deliveries are retried in the background.
   */
  async emit(event: WebhookEvent, data: Record<string, unknown>, origin: Origin | null): Promise<(number | null)[]> {
    const targets = this.registry.targetsFor(event, origin);
    return Promise.all(
      targets.map((t) => {
        const body = JSON.stringify(buildEnvelope(event, data, this.registry.signatureToken));
        return this.deliver(this.newEntry("event", event, data, t.url, body), true);
      }),
    );
  }

  /** Sends the most recent delivery's exact body again, as Lever's manual "Rerun" does. */
  async replayLast(): Promise<number | null> {
    const last = this.entries.findLast((e) => e.kind === "event" || e.kind === "replay");
    if (!last) return null;
    const entry = this.newEntry("replay", last.event, {}, last.url, last.body);
    entry.opportunityId = last.opportunityId;
    return this.deliver(entry, false);
  }

  /** A well-formed envelope whose signature was made with the wrong key; never retried. */
  async sendForged(event: WebhookEvent, data: Record<string, unknown>): Promise<number | null> {
    const url = this.primaryUrl(event);
    if (!url) return null;
    const body = JSON.stringify(buildEnvelope(event, data, `forged-${this.registry.signatureToken}`));
    return this.deliver(this.newEntry("forged", event, data, url, body), false);
  }

  /** The settings page's "Verify connection" ping: candidateHired with `data: {}`. */
  async verify(): Promise<number | null> {
    const url = this.primaryUrl("candidateHired");
    if (!url) return null;
    const body = JSON.stringify(buildEnvelope("candidateHired", {}, this.registry.signatureToken));
    return this.deliver(this.newEntry("verify", "candidateHired", {}, url, body), false);
  }

  log(): WebhookLogEntry[] {
    return this.entries.map((e) => ({ ...e, statuses: [...e.statuses] }));
  }

  /** Stops pending retries and in-flight deliveries (on close or reset). */
  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.abort.abort();
    this.abort = new AbortController();
  }

  clearLog(): void {
    this.entries.length = 0;
  }

  private primaryUrl(event: WebhookEvent): string | undefined {
    return this.registry.settingsEndpoint?.url ?? this.registry.targetsFor(event, null)[0]?.url;
  }

  private newEntry(kind: DeliveryKind, event: string, data: Record<string, unknown>, url: string, body: string): WebhookLogEntry {
    const opportunityId = typeof data.opportunityId === "string" ? data.opportunityId : "";
    const entry: WebhookLogEntry = {
      id: this.nextId++,
      kind,
      event,
      opportunityId,
      url,
      attempts: 0,
      lastStatus: null,
      statuses: [],
      body,
      done: false,
    };
    this.entries.push(entry);
    return entry;
  }

  private async deliver(entry: WebhookLogEntry, retry: boolean): Promise<number | null> {
    const signal = this.abort.signal;
    const status = await postWebhook(entry.url, entry.body, DELIVERY_TIMEOUT_MS, signal);
    entry.attempts++;
    entry.lastStatus = status;
    entry.statuses.push(status);
    const delay = this.retryDelaysMs[entry.attempts - 1];
    if (isSuccess(status) || !retry || delay === undefined || signal.aborted) {
      entry.done = true;
    } else {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        void this.deliver(entry, true);
      }, delay);
      timer.unref();
      this.timers.add(timer);
    }
    return status;
  }
}
