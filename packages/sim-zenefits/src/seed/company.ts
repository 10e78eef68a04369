import { createRng, deriveSeed, type Rng } from "../prng";
import type { CompanyData, CompanyRecord, CustomFieldValueRecord, EmploymentRecord, IdCounters } from "../store/records";
import { companyDomain } from "./contact";
import { generateCustomFields, valuesForPerson } from "./custom-fields";
import { employmentsFor } from "./employments";
import { takeId } from "./ids";
import { generateDepartments, generateLocations } from "./org-units";
import { FIXTURE_INDEX, generatePeople } from "./people";
import { CITIES, STREETS } from "./vocabulary";

const COMPANY_NAMES = ["Acme Robotics", "Globex Corporation", "Initech", "Umbrella Health", "Stark Logistics"];

export const SANDBOX_COMPANY_NAME = "Acme Robotics (sandbox)";
export const SANDBOX_CLIENT_SECRET = "zen-sandbox-client-secret";

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".split("");

/** Opaque [A-Za-z0-9] string from the given stream (client secrets, tokens). */
export function randomToken(rng: Rng, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += rng.pick(ALPHANUMERIC);
  return out;
}

function companyName(index: number, sandbox: boolean): string {
  if (sandbox && index === 0) return SANDBOX_COMPANY_NAME;
  const base = COMPANY_NAMES[index % COMPANY_NAMES.length] as string;
  const round = Math.floor(index / COMPANY_NAMES.length);
  return round === 0 ? base : `${base} ${round + 1}`;
}

function makeCompanyRecord(rng: Rng, id: string, name: string): CompanyRecord {
  const city = rng.pick(CITIES.filter((candidate) => candidate.country === "US"));
  return {
    id,
    name,
    legalName: `${name.replace(/ \(sandbox\)$/, "")}, Inc.`,
    ein: `${rng.int(10, 99)}-${rng.int(1000000, 9999999)}`,
    legalStreet1: `${rng.int(1, 999)} ${rng.pick(STREETS)}`,
    legalStreet2: rng.chance(0.5) ? `Floor ${rng.int(2, 40)}` : null,
    legalCity: city.city,
    legalState: city.state ?? "",
    legalZip: city.zip,
  };
}

export interface CompanySeedOptions {
  index: number;
  seed: number;
  people: number;
  sandbox: boolean;
}

/** Builds one company and everything it owns from its own PRNG stream. */
export function generateCompany(options: CompanySeedOptions, ids: IdCounters): CompanyData {
  const rng = createRng(deriveSeed(options.seed, options.index));
  const idRng = createRng(deriveSeed(options.seed, options.index, 1));
  // Streams added later get their own seeds, so they never shift the data drawn above.
  const deletedEndRng = createRng(deriveSeed(options.seed, options.index, 2));
  const next = (kind: keyof IdCounters) => () => takeId(ids, kind, idRng);

  const company = makeCompanyRecord(rng, next("company")(), companyName(options.index, options.sandbox));
  const clientSecret = options.sandbox && options.index === 0 ? SANDBOX_CLIENT_SECRET : randomToken(rng, 40);
  const domain = companyDomain(company.name);
  const departments = generateDepartments(company.id, options.people, next("department"));
  const locations = generateLocations(rng, company.id, options.people, next("location"));
  const emailLocals = new Map<string, number>();
  const factoryContext = { companyId: company.id, domain, emailLocals, departments, locations };
  const generated = generatePeople(rng, factoryContext, options.people, next("person"));
  const customFields = generateCustomFields(company.id, next("customField"));

  const employments: EmploymentRecord[] = [];
  const customFieldValues: CustomFieldValueRecord[] = [];
  const nextEmployment = next("employment");
  const nextValue = next("customFieldValue");
  generated.people.forEach((person, index) => {
    for (const employment of employmentsFor(rng, person, generated.rehireIds.has(person.id), nextEmployment, deletedEndRng)) {
      employments.push(employment);
    }
    const mode = index === FIXTURE_INDEX.root ? "everyField" : index === FIXTURE_INDEX.noCustomValues ? "none" : "random";
    for (const value of valuesForPerson(rng, customFields, person, mode, nextValue)) customFieldValues.push(value);
  });

  return {
    index: options.index,
    company,
    clientSecret,
    ownerPersonId: generated.ownerId,
    rootPersonId: generated.rootId,
    people: generated.people,
    departments,
    locations,
    employments,
    customFields,
    customFieldValues,
    emailLocals,
    domain,
    version: 0,
    moduleSeed: deriveSeed(options.seed, options.index, 3),
  };
}
