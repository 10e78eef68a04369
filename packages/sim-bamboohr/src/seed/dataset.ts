import type { CompanyData } from "../store/company-data";
import { generateCompany } from "./company";
import { MIN_EMPLOYEES } from "./fixtures";

export const MAX_EMPLOYEES = 100_000;
export { MIN_EMPLOYEES };

export interface DatasetOptions {
  seed: number;
  /** Employees per company, from MIN_EMPLOYEES to MAX_EMPLOYEES. */
  employees: number;
  /** Company domains, the `{companyDomain}` of gateway URLs. */
  domains: readonly string[];
  today: string;
}

const DOMAIN = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Every company of the simulator; identical for identical options. */
export function generateDataset(options: DatasetOptions): CompanyData[] {
  const { employees, domains } = options;
  if (!Number.isInteger(employees) || employees < MIN_EMPLOYEES || employees > MAX_EMPLOYEES) {
    throw new RangeError(`employees must be an integer from ${MIN_EMPLOYEES} to ${MAX_EMPLOYEES} (got ${employees})`);
  }
  if (domains.length === 0) throw new RangeError("at least one company domain is needed");
  for (const domain of domains) {
    if (!DOMAIN.test(domain)) throw new RangeError(`company domain "${domain}" must be lowercase letters, digits and dashes`);
  }
  if (new Set(domains).size !== domains.length) throw new RangeError("company domains must be unique");
  return domains.map((domain, index) => generateCompany({ domain, index, seed: options.seed, employees, today: options.today }));
}
