import type { Rng } from "../prng";
import type { PersonRecord } from "../store/records";
import { makeAdminAccount, makePerson, type PersonFactoryContext, type PersonOverrides } from "./person-factory";

/**
 * Fixed edge cases placed at the start of every company so even a 10-person
 * seed contains each of them. Index 0 is the org root, index 1 the admin-only
 * account (built separately).
 */
const FIXTURES: readonly PersonOverrides[] = [
  { firstName: "Nathan", lastName: "Ash", status: "active", title: "Chief Executive Officer", workPhone: "(713) 555-1234" },
  {},
  { firstName: "Zoë", lastName: "O'Brien", status: "terminated", workPhone: "+1 415 555 0100" },
  { firstName: "José", lastName: "Núñez", status: "leave_of_absence", noWorkEmail: true, workPhone: "555.123.4567" },
  { firstName: "伟", lastName: "李", status: "requested", noDepartment: true, noLocation: true, noWorkEmail: true },
  { firstName: "Siobhán", lastName: "D'Angelo", status: "setup", noLocation: true, workPhone: "+44 20 7946 0958" },
  { firstName: "Björn", lastName: "Ødegård", status: "deleted" },
  { firstName: "Renée", lastName: "García-López", status: "active", workPhone: "ext. 12" },
  { firstName: "Ana María", lastName: "van der Berg", status: "active", noDepartment: true, workPhone: null },
  { firstName: "Chidi", lastName: "Okafor", status: "active", noLocation: true, noWorkEmail: true },
];

export const FIXTURE_INDEX = {
  root: 0,
  admin: 1,
  /** Rehired: one terminated and one current employment. */
  rehire: 7,
  /** Pending hire not yet placed in the org chart. */
  unassigned: 4,
  /** Has no custom field values at all. */
  noCustomValues: 8,
} as const;

export interface GeneratedPeople {
  people: PersonRecord[];
  rootId: string;
  ownerId: string;
  /** People who get a terminated employment before their current one. */
  rehireIds: Set<string>;
}

/** Fan-out of the manager tree: ~2 for tiny seeds, up to 6 for huge ones. */
function branchingFactor(count: number): number {
  return Math.max(2, Math.min(6, Math.round(count ** 0.2)));
}

export function generatePeople(rng: Rng, ctx: PersonFactoryContext, count: number, nextPersonId: () => string): GeneratedPeople {
  const people: PersonRecord[] = [];
  const rehireIds = new Set<string>();
  // People allowed to manage others: the root plus active / on-leave staff.
  const managers: PersonRecord[] = [];
  const branching = branchingFactor(count);
  let ownerId = "";

  for (let index = 0; index < count; index++) {
    const id = nextPersonId();
    if (index === FIXTURE_INDEX.admin) {
      const admin = makeAdminAccount(ctx, id);
      ownerId = admin.id;
      people.push(admin);
      continue;
    }
    const person = makePerson(rng, ctx, id, index + 1, FIXTURES[index]);
    if (index === FIXTURE_INDEX.root) {
      person.isAdmin = true;
      managers.push(person);
      people.push(person);
      continue;
    }
    const pending = person.status === "requested" || person.status === "setup";
    const unassigned = index === FIXTURE_INDEX.unassigned || (index >= FIXTURES.length && pending && rng.chance(0.3));
    if (!unassigned) person.managerId = pickManager(rng, person, managers, branching);
    if (index === FIXTURE_INDEX.rehire || (index >= FIXTURES.length && person.status === "active" && rng.chance(0.003))) {
      rehireIds.add(id);
    }
    people.push(person);
  }
  const root = people[FIXTURE_INDEX.root] as PersonRecord;
  return { people, rootId: root.id, ownerId, rehireIds };
}

/**
 * Heap-like placement: the j-th manager-eligible person reports to manager
 * floor((j-1)/branching), which yields chains log_b(n) deep under one root.
 * Everyone else (terminated, pending, deleted) hangs off a random manager as a leaf.
 */
function pickManager(rng: Rng, person: PersonRecord, managers: PersonRecord[], branching: number): string {
  const canManage = person.status === "active" || person.status === "leave_of_absence";
  if (!canManage) return (rng.pick(managers) as PersonRecord).id;
  const position = managers.length;
  let parentIndex = Math.floor((position - 1) / branching);
  if (parentIndex > 2 && rng.chance(0.3)) parentIndex -= 1;
  managers.push(person);
  return (managers[parentIndex] as PersonRecord).id;
}
