import { serialize } from "./payload";
import type { PlannedDelivery } from "./plan";
import { postWebhook } from "./post";
import { type SignatureScheme, signBambooHr } from "./signature";

/** BambooHR retries a 5xx "up to 5 times using exponential backoff (5min, 10min, 20min, 40min, 80min)" (reference §5.4). */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [5, 10, 20, 40, 80].map((minutes) => minutes * 60_000);
const DELIVERY_TIMEOUT_MS = 10_000;

export interface WebhookDelivery {
  id: number;
  webhookId: string;
  event: string;
  employeeId: string;
  url: string;
  /** The exact body; identical on every attempt (the timestamp header and signature are fresh each time). */
  body: string;
  attempts: number;
  /** Status of each attempt in order; null = unreachable or timed out. */
  statuses: (number | null)[];
  /** Unix seconds of each attempt's X-BambooHR-Timestamp. */
  timestamps: number[];
  /** True once delivered, refused with a non-retryable status, or out of retries. */
  done: boolean;
  delivered: boolean;
}

export interface DispatcherOptions {
  retryDelaysMs: readonly number[];
  nowSec(): number;
  signature(): SignatureScheme;
  companyDomainHeader(): string;
}

/** 5xx and unreachable receivers are retried; 2xx delivers; anything else (4xx, 3xx) ends the delivery. */
const retryable = (status: number | null) => status === null || status >= 500;

export class WebhookDispatcher {
  private readonly entries: WebhookDelivery[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private abort = new AbortController();
  private nextId = 1;

  constructor(private readonly options: DispatcherOptions) {}

  dispatch(planned: PlannedDelivery): WebhookDelivery {
    const { body, contentType } = serialize(planned.payload, planned.webhook.format);
    const entry: WebhookDelivery = {
      id: this.nextId++,
      webhookId: planned.webhook.id,
      event: planned.event,
      employeeId: String(planned.employeeId),
      url: planned.webhook.url,
      body,
      attempts: 0,
      statuses: [],
      timestamps: [],
      done: false,
      delivered: false,
    };
    this.entries.push(entry);
    const headers: Record<string, string> = { "Content-Type": contentType, "User-Agent": "BambooHR-Webhooks (simulator)" };
    if (planned.webhook.includeCompanyDomain) headers[this.options.companyDomainHeader()] = planned.webhook.companyDomain;
    this.attempt(entry, planned, headers);
    return entry;
  }

  private attempt(entry: WebhookDelivery, planned: PlannedDelivery, headers: Record<string, string>): void {
    const signal = this.abort.signal;
    const timestampSec = this.options.nowSec();
    const timestamp = String(timestampSec);
    const signed = {
      ...headers,
      "X-BambooHR-Timestamp": timestamp,
      "X-BambooHR-Signature": signBambooHr(planned.webhook.privateKey, entry.body, timestamp, this.options.signature()),
    };
    const running = postWebhook(entry.url, entry.body, signed, DELIVERY_TIMEOUT_MS, signal).then((status) => {
      entry.attempts++;
      entry.statuses.push(status);
      entry.timestamps.push(timestampSec);
      planned.webhook.lastSentSec = timestampSec;
      const delay = this.options.retryDelaysMs[entry.attempts - 1];
      if (status !== null && status >= 200 && status < 300) {
        entry.delivered = true;
        entry.done = true;
      } else if (!retryable(status) || delay === undefined || signal.aborted) {
        entry.done = true;
      } else {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          this.attempt(entry, planned, headers);
        }, delay);
        timer.unref();
        this.timers.add(timer);
      }
    });
    const tracked = running.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  /** Resolves once every attempt already started has been answered (retries scheduled later are not awaited). */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  log(): WebhookDelivery[] {
    return this.entries.map((entry) => ({ ...entry, statuses: [...entry.statuses], timestamps: [...entry.timestamps] }));
  }

  forWebhook(webhookId: string): WebhookDelivery[] {
    return this.log().filter((entry) => entry.webhookId === webhookId);
  }

  /** Cancels pending retries and in-flight attempts (on reset and close). */
  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.abort.abort();
    this.abort = new AbortController();
  }

  clearLog(): void {
    this.entries.length = 0;
  }
}
