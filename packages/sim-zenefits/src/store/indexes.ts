import type { CompanyData, CustomFieldValueRecord, EmploymentRecord, PersonRecord } from "./records";

/**
 * Reverse look-ups for sub-collections (/people/{id}/subordinates, ...).
 * Each is built on first use and dropped when a mutation bumps the company
 * version, so a plain 100k-person sync never pays for them.
 */
interface Cached {
  version: number;
  maps: Map<string, Map<string, unknown[]>>;
}

const cache = new WeakMap<CompanyData, Cached>();

export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null) continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

export function lazyIndex<T>(data: CompanyData, name: string, build: () => Map<string, T[]>): Map<string, T[]> {
  let entry = cache.get(data);
  if (!entry || entry.version !== data.version) {
    entry = { version: data.version, maps: new Map() };
    cache.set(data, entry);
  }
  let map = entry.maps.get(name) as Map<string, T[]> | undefined;
  if (!map) {
    map = build();
    entry.maps.set(name, map as Map<string, unknown[]>);
  }
  return map;
}

const EMPTY: readonly never[] = [];

export function subordinatesOf(data: CompanyData, personId: string): readonly PersonRecord[] {
  return lazyIndex(data, "subordinates", () => groupBy(data.people, (p) => p.managerId)).get(personId) ?? EMPTY;
}

export function peopleInDepartment(data: CompanyData, departmentId: string): readonly PersonRecord[] {
  return lazyIndex(data, "department", () => groupBy(data.people, (p) => p.departmentId)).get(departmentId) ?? EMPTY;
}

export function peopleAtLocation(data: CompanyData, locationId: string): readonly PersonRecord[] {
  return lazyIndex(data, "location", () => groupBy(data.people, (p) => p.locationId)).get(locationId) ?? EMPTY;
}

export function employmentsOf(data: CompanyData, personId: string): readonly EmploymentRecord[] {
  return lazyIndex(data, "employments", () => groupBy(data.employments, (e) => e.personId)).get(personId) ?? EMPTY;
}

export function valuesOfPerson(data: CompanyData, personId: string): readonly CustomFieldValueRecord[] {
  return lazyIndex(data, "valuesByPerson", () => groupBy(data.customFieldValues, (v) => v.personId)).get(personId) ?? EMPTY;
}

export function valuesOfField(data: CompanyData, fieldId: string): readonly CustomFieldValueRecord[] {
  return lazyIndex(data, "valuesByField", () => groupBy(data.customFieldValues, (v) => v.customFieldId)).get(fieldId) ?? EMPTY;
}
