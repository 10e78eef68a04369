import type { Rng } from "../prng";
import type { DepartmentRecord, LocationRecord } from "../store/records";
import { randomPhone } from "./contact";
import { CITIES, DEPARTMENT_NAMES, STREETS } from "./vocabulary";

/** ~1 department per 25 people, at least 3; names stay unique past the word list. */
export function generateDepartments(companyId: string, peopleCount: number, nextId: () => string): DepartmentRecord[] {
  const count = Math.max(3, Math.round(peopleCount / 25));
  const departments: DepartmentRecord[] = [];
  for (let i = 0; i < count; i++) {
    const base = DEPARTMENT_NAMES[i % DEPARTMENT_NAMES.length] as string;
    const round = Math.floor(i / DEPARTMENT_NAMES.length);
    const name = round === 0 ? base : `${base} ${round + 1}`;
    departments.push({ id: nextId(), companyId, name });
  }
  return departments;
}

/** ~1 location per 50 people, at least 2, with full address parts. */
export function generateLocations(rng: Rng, companyId: string, peopleCount: number, nextId: () => string): LocationRecord[] {
  const count = Math.max(2, Math.round(peopleCount / 50));
  const perCity = new Map<string, number>();
  const locations: LocationRecord[] = [];
  for (let i = 0; i < count; i++) {
    const city = CITIES[i % CITIES.length] as (typeof CITIES)[number];
    const seen = (perCity.get(city.city) ?? 0) + 1;
    perCity.set(city.city, seen);
    const name = i === 0 ? `${city.city} HQ` : seen === 1 ? `${city.city} Office` : `${city.city} Office ${seen}`;
    locations.push({
      id: nextId(),
      companyId,
      name,
      street1: `${rng.int(1, 2500)} ${rng.pick(STREETS)}`,
      street2: rng.chance(0.4) ? `Suite ${rng.int(1, 30) * 100}` : null,
      city: city.city,
      state: city.state,
      zip: city.zip,
      country: city.country,
      phone: rng.chance(0.8) ? `${city.phonePrefix}${String(rng.int(0, 9999)).padStart(4, "0")}` : randomPhone(rng),
    });
  }
  return locations;
}
