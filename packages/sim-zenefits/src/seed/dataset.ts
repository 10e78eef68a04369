import type { Dataset } from "../store/records";
import { generateCompany } from "./company";
import { initialIdCounters } from "./ids";

export interface DatasetOptions {
  seed: number;
  /** People per company (at least 10). */
  people: number;
  companies: number;
  sandbox: boolean;
}

export const MIN_PEOPLE = 10;

/** The whole simulated world; identical for identical options. */
export function generateDataset(options: DatasetOptions): Dataset {
  if (!Number.isInteger(options.people) || options.people < MIN_PEOPLE) {
    throw new Error(`people must be an integer >= ${MIN_PEOPLE} (got ${options.people})`);
  }
  if (!Number.isInteger(options.companies) || options.companies < 1) {
    throw new Error(`companies must be an integer >= 1 (got ${options.companies})`);
  }
  const ids = initialIdCounters();
  const companies = [];
  for (let index = 0; index < options.companies; index++) {
    companies.push(generateCompany({ index, seed: options.seed, people: options.people, sandbox: options.sandbox }, ids));
  }
  return { seed: options.seed, companies, ids, mutationCount: 0 };
}
