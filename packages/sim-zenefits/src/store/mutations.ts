import { forgetPeople } from "../modules/modules";
import { createRng, deriveSeed, type Rng } from "../prng";
import { workEmail } from "../seed/contact";
import { valuesForPerson } from "../seed/custom-fields";
import { daysToIso, SIM_TODAY, TODAY_DAYS } from "../seed/dates";
import { employmentsFor } from "../seed/employments";
import { takeId } from "../seed/ids";
import { makePerson } from "../seed/person-factory";
import { TERMINATION_TYPES, TITLES } from "../seed/vocabulary";
import { employmentsOf } from "./indexes";
import type { CompanyData, Dataset, PersonRecord } from "./records";

export interface MutationRequest {
  change?: number;
  add?: number;
  terminate?: number;
  delete?: number;
}

export interface MutationResult {
  changed: string[];
  added: string[];
  terminated: string[];
  deleted: string[];
}

/** Picks up to `count` distinct people passing `eligible`, skipping ids already used in this batch. */
function pickPeople(rng: Rng, data: CompanyData, count: number, taken: Set<string>, eligible: (p: PersonRecord) => boolean) {
  const pool = data.people.filter((p) => !taken.has(p.id) && eligible(p));
  const picked: PersonRecord[] = [];
  for (let i = 0; i < count && i < pool.length; i++) {
    const j = i + Math.floor(rng.next() * (pool.length - i));
    const chosen = pool[j] as PersonRecord;
    pool[j] = pool[i] as PersonRecord;
    pool[i] = chosen;
    picked.push(chosen);
    taken.add(chosen.id);
  }
  return picked.sort((a, b) => a.id.length - b.id.length || (a.id < b.id ? -1 : 1));
}

const isProtected = (data: CompanyData, p: PersonRecord) => p.id === data.rootPersonId || p.id === data.ownerPersonId;

/** Rotates through title, work e-mail and department changes. */
function changePerson(rng: Rng, data: CompanyData, person: PersonRecord, turn: number): void {
  if (turn % 3 === 0 || data.departments.length < 2) {
    const titles = TITLES.filter((title) => title !== person.title);
    person.title = rng.pick(titles);
  } else if (turn % 3 === 1) {
    person.workEmail = workEmail(person.firstName, person.lastName, person.id, data.domain, data.emailLocals);
  } else {
    const others = data.departments.filter((department) => department.id !== person.departmentId);
    person.departmentId = rng.pick(others).id;
  }
}

function terminatePerson(rng: Rng, data: CompanyData, person: PersonRecord): void {
  person.status = "terminated";
  const latest = employmentsOf(data, person.id).at(-1);
  if (latest) {
    latest.terminationDate = SIM_TODAY;
    latest.terminationType = rng.pick(TERMINATION_TYPES);
    latest.isActive = false;
  }
}

/**
 * Removes people everywhere (records, employments, custom values, module records). Their
 * direct reports move up to the nearest manager that is not being deleted.
 */
function deletePeople(data: CompanyData, doomed: readonly PersonRecord[]): void {
  const managerOf = new Map(doomed.map((p) => [p.id, p.managerId] as const));
  const survivingManager = (id: string | null): string | null => {
    let current = id;
    while (current !== null && managerOf.has(current)) current = managerOf.get(current) ?? null;
    return current;
  };
  data.people = data.people.filter((p) => !managerOf.has(p.id));
  for (const person of data.people) {
    if (person.managerId !== null && managerOf.has(person.managerId)) person.managerId = survivingManager(person.managerId);
  }
  data.employments = data.employments.filter((employment) => !managerOf.has(employment.personId));
  data.customFieldValues = data.customFieldValues.filter((value) => !managerOf.has(value.personId));
  forgetPeople(data, new Set(managerOf.keys()));
}

function addPeople(rng: Rng, dataset: Dataset, data: CompanyData, count: number): string[] {
  const managers = data.people.filter((p) => p.status === "active" || p.status === "leave_of_absence");
  let employeeNumber = data.people.reduce((max, p) => Math.max(max, Number(p.employeeNumber ?? 0)), 0);
  const context = { ...data, companyId: data.company.id };
  const nextEmployment = () => takeId(dataset.ids, "employment", rng);
  const nextValue = () => takeId(dataset.ids, "customFieldValue", rng);
  const added: string[] = [];
  for (let i = 0; i < count; i++) {
    const person = makePerson(rng, context, takeId(dataset.ids, "person", rng), ++employeeNumber, { status: "active" });
    person.managerId = (rng.pick(managers) as PersonRecord).id;
    data.people.push(person);
    const [employment] = employmentsFor(rng, person, false, nextEmployment);
    if (employment) {
      // A new hire starts today-ish, not years ago.
      employment.hireDate = daysToIso(TODAY_DAYS - rng.int(0, 14));
      data.employments.push(employment);
    }
    data.customFieldValues.push(...valuesForPerson(rng, data.customFields, person, "random", nextValue));
    added.push(person.id);
  }
  return added;
}

/**
 * One deterministic batch of changes: the same seed and the same sequence of
 * batches always touch the same ids in the same way.
 */
export function applyMutations(dataset: Dataset, data: CompanyData, request: MutationRequest): MutationResult {
  const companyIndex = dataset.companies.indexOf(data);
  const rng = createRng(deriveSeed(dataset.seed, 1000 + dataset.mutationCount, companyIndex));
  dataset.mutationCount++;
  const taken = new Set<string>();

  const toTerminate = pickPeople(
    rng,
    data,
    request.terminate ?? 0,
    taken,
    (p) => !isProtected(data, p) && (p.status === "active" || p.status === "leave_of_absence"),
  );
  for (const person of toTerminate) terminatePerson(rng, data, person);
  data.version++;

  const toChange = pickPeople(rng, data, request.change ?? 0, taken, (p) => p.type === "regular" && p.status !== "deleted");
  toChange.forEach((person, turn) => {
    changePerson(rng, data, person, turn);
  });

  const toDelete = pickPeople(rng, data, request.delete ?? 0, taken, (p) => !isProtected(data, p));
  if (toDelete.length > 0) deletePeople(data, toDelete);

  const added = addPeople(rng, dataset, data, request.add ?? 0);
  data.version++;
  return {
    changed: toChange.map((p) => p.id),
    added,
    terminated: toTerminate.map((p) => p.id),
    deleted: toDelete.map((p) => p.id),
  };
}
