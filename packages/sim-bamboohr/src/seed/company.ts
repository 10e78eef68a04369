import type { EmployeeRecord } from "../model/records";
import { createRng, deriveSeed, type Rng } from "../prng";
import { CompanyData } from "../store/company-data";
import { type IdentityContext, makeEmployee } from "./employee-factory";
import { FIXTURE, FIXTURES, type Fixture } from "./fixtures";
import { type EmployeeKind, makeHistory, type Placement, randomKind } from "./history";
import { buildLists } from "./lists";
import { seedUsers } from "./users";
import { DEPARTMENTS, DIVISIONS, JOB_TITLES, LOCATIONS } from "./vocabulary";

export interface CompanySeedOptions {
  domain: string;
  /** Position among the simulator's companies; each gets its own random stream. */
  index: number;
  seed: number;
  employees: number;
  today: string;
}

/** Fan-out of the org chart: about 2 for tiny seeds, up to 6 for huge ones. */
const branchingFactor = (count: number) => Math.max(2, Math.min(6, Math.round(count ** 0.2)));

const canManage = (kind: EmployeeKind) => kind === "active" || kind === "rehire" || kind === "futureTermination";

/**
 * Heap-like placement: the j-th manager-eligible employee reports to manager
 * floor((j-1)/b), giving chains log_b(n) deep under the CEO. Everyone else
 * (inactive, future hires) hangs off a random manager as a leaf.
 */
function pickSupervisor(rng: Rng, kind: EmployeeKind, managers: number[], branching: number): number {
  if (!canManage(kind)) return rng.pick(managers);
  const parent = managers[Math.floor((managers.length - 1) / branching)] as number;
  return parent;
}

function randomPlacement(rng: Rng, reportsTo: number | null): Placement {
  const divisionRoll = rng.next();
  return {
    jobTitle: rng.pick(JOB_TITLES),
    department: rng.chance(0.97) ? rng.pick(DEPARTMENTS) : null,
    division: divisionRoll < 0.87 ? rng.pick(DIVISIONS) : divisionRoll < 0.9 ? "" : null,
    location: rng.chance(0.97) ? rng.pick(LOCATIONS) : null,
    reportsTo,
  };
}

function fixturePlacement(rng: Rng, fixture: Fixture, reportsTo: number | null): Placement {
  const random = randomPlacement(rng, reportsTo);
  return {
    jobTitle: fixture.jobTitle ?? random.jobTitle,
    department: fixture.department !== undefined ? fixture.department : (random.department ?? "Engineering"),
    division: fixture.division !== undefined ? fixture.division : "North America",
    location: fixture.location !== undefined ? fixture.location : (random.location ?? LOCATIONS[1] ?? null),
    reportsTo,
  };
}

function fixtureSupervisor(fixture: Fixture, employees: readonly EmployeeRecord[]): number | null {
  if (fixture.reportsTo === null) return null;
  return (employees[fixture.reportsTo ?? FIXTURE.ceo] as EmployeeRecord).id;
}

const titleCase = (domain: string) => domain.charAt(0).toUpperCase() + domain.slice(1);

/** One company, identical for identical options. */
export function generateCompany(options: CompanySeedOptions): CompanyData {
  const { today } = options;
  const rng = createRng(deriveSeed(options.seed, options.index));
  const emailDomain = `${options.domain}.example`;
  let rowId = 1;
  const nextRowId = () => rowId++;
  const identity: IdentityContext = {
    rng,
    emailDomain,
    emailLocals: new Map(),
    changedFromSec: Date.parse("2024-01-01T00:00:00Z") / 1000,
    changedToSec: Date.parse(`${today}T00:00:00Z`) / 1000,
  };
  const branching = branchingFactor(options.employees);
  const employees: EmployeeRecord[] = [];
  const managers: number[] = [];
  let id = 3;
  for (let index = 0; index < options.employees; index++) {
    id += index === 0 ? 1 : rng.int(1, 3);
    const fixture = FIXTURES[index];
    const kind = fixture?.kind ?? randomKind(rng);
    const reportsTo = fixture ? fixtureSupervisor(fixture, employees) : pickSupervisor(rng, kind, managers, branching);
    const placement = fixture ? fixturePlacement(rng, fixture, reportsTo) : randomPlacement(rng, reportsTo);
    const history = makeHistory(
      {
        rng,
        today,
        nextRowId,
        contractor: fixture ? fixture.contractor === true : rng.chance(0.03),
        futurePromotion: fixture?.futurePromotion === true,
      },
      kind,
      placement,
    );
    employees.push(makeEmployee(identity, id, String(index + 1), kind, placement, history, fixture?.identity));
    // The CEO and the HR administrator manage; other fixtures keep their fixed places.
    if (index <= FIXTURE.hrAdmin || (!fixture && canManage(kind))) managers.push(id);
  }
  return new CompanyData({
    domain: options.domain,
    companyId: String(12_345 + options.index),
    name: `${titleCase(options.domain)} Inc.`,
    employees,
    users: seedUsers(employees, emailDomain),
    lists: buildLists(),
    nextRowId: rowId,
    nextEmployeeNumber: options.employees + 1,
  });
}
