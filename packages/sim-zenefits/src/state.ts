import { AtsStore } from "./ats/store";
import { FaultInjector } from "./http/faults";
import { RequestLog } from "./http/request-log";
import { DEFAULT_QUIRKS, type Quirks } from "./quirks";
import { type DatasetOptions, generateDataset } from "./seed/dataset";
import type { CompanyData, Dataset } from "./store/records";
import { TokenStore } from "./tokens";

/** Everything the HTTP handlers and the programmatic API share. */
export class SimState {
  dataset: Dataset;
  readonly tokens = new TokenStore();
  readonly faults = new FaultInjector();
  readonly log = new RequestLog();
  readonly ats = new AtsStore();
  /** Base URL once listening, e.g. "http://127.0.0.1:41234". */
  url = "";
  quirks: Quirks = { ...DEFAULT_QUIRKS };

  readonly options: DatasetOptions;

  constructor(options: DatasetOptions) {
    this.options = options;
    this.dataset = generateDataset(options);
  }

  findCompany(companyId: string): CompanyData | undefined {
    return this.dataset.companies.find((data) => data.company.id === companyId);
  }

  /** The given company, or the first one; throws for an unknown id. */
  company(companyId?: string): CompanyData {
    const data = companyId === undefined ? this.dataset.companies[0] : this.findCompany(companyId);
    if (!data) throw new Error(`Unknown company id: ${companyId}`);
    return data;
  }

  /** Back to the freshly seeded world. Tokens survive (company ids are regenerated identically). */
  reset(): void {
    this.dataset = generateDataset(this.options);
    this.faults.clear();
    this.log.clear();
    this.ats.clear();
  }
}
