import { ApiKeys } from "./api-keys";
import { type Behaviour, DEFAULT_BEHAVIOUR } from "./behaviour";
import { FaultInjector } from "./http/faults";
import { RequestLog } from "./http/request-log";
import { createRng, deriveSeed } from "./prng";
import { type DatasetOptions, generateDataset } from "./seed/dataset";
import { type BatchRequest, type BatchResult, runBatch } from "./store/batch-mutations";
import type { EmployeeChange } from "./store/changes";
import type { CompanyData } from "./store/company-data";
import { EmployeeMutations } from "./store/mutations";
import { WebhookDispatcher } from "./webhooks/dispatcher";
import { planDeliveries } from "./webhooks/plan";
import { WebhookRegistry } from "./webhooks/registry";

/** One company with the mutation entry point bound to it. */
export interface CompanyState {
  data: CompanyData;
  mutations: EmployeeMutations;
  index: number;
  batches: number;
}

export interface StateOptions extends DatasetOptions {
  retryDelaysMs: readonly number[];
  /** Unix milliseconds; change timestamps and webhook times read it. */
  clock: () => number;
  behaviour: Partial<Behaviour>;
}

/** Everything the HTTP handlers and the programmatic API share. */
export class SimState {
  companies = new Map<string, CompanyState>();
  readonly keys = new ApiKeys();
  readonly faults = new FaultInjector();
  readonly log = new RequestLog();
  readonly webhooks = new WebhookRegistry();
  readonly dispatcher: WebhookDispatcher;
  behaviour: Behaviour;
  /** Base URL once listening, e.g. "http://127.0.0.1:41234". */
  url = "";

  constructor(readonly options: StateOptions) {
    this.behaviour = { ...DEFAULT_BEHAVIOUR, ...options.behaviour };
    this.dispatcher = new WebhookDispatcher({
      retryDelaysMs: options.retryDelaysMs,
      nowSec: () => this.nowSec(),
      signature: () => this.behaviour.webhookSignature,
      companyDomainHeader: () => this.behaviour.companyDomainHeader,
    });
    this.seed();
  }

  get today(): string {
    return this.options.today;
  }

  nowSec(): number {
    return Math.floor(this.options.clock() / 1000);
  }

  private seed(): void {
    this.companies = new Map();
    generateDataset(this.options).forEach((data, index) => {
      const mutations = new EmployeeMutations(data, { today: this.today, nowSec: () => this.nowSec() }, (change) =>
        this.onChange(change),
      );
      this.companies.set(data.domain, { data, mutations, index, batches: 0 });
    });
  }

  private onChange(change: EmployeeChange): void {
    const company = this.company(change.companyDomain).data;
    const planned = planDeliveries(change, this.webhooks.forCompany(company.domain), {
      company,
      today: this.today,
      legacyFieldValues: this.behaviour.legacyFieldValues,
    });
    for (const delivery of planned) this.dispatcher.dispatch(delivery);
  }

  findCompany(domain: string): CompanyState | undefined {
    return this.companies.get(domain);
  }

  /** The given company, or the first one; throws for an unknown domain. */
  company(domain?: string): CompanyState {
    const found = domain === undefined ? this.companies.values().next().value : this.companies.get(domain);
    if (!found) throw new Error(`Unknown company domain: ${domain}`);
    return found;
  }

  batch(request: BatchRequest, domain?: string): BatchResult {
    const company = this.company(domain);
    company.batches++;
    const rng = createRng(deriveSeed(this.options.seed, 7919, company.index, company.batches));
    return runBatch(company.data, company.mutations, rng, this.today, request);
  }

  /** Back to the freshly seeded data; keys survive (seeded user ids are regenerated identically). */
  reset(): void {
    this.dispatcher.stop();
    this.dispatcher.clearLog();
    this.webhooks.clear();
    this.faults.clear();
    this.log.clear();
    this.behaviour = { ...DEFAULT_BEHAVIOUR, ...this.options.behaviour };
    this.seed();
  }
}
