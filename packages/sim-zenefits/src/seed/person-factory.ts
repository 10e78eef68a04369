import type { Rng } from "../prng";
import type { DepartmentRecord, LocationRecord, PersonRecord, PersonStatus } from "../store/records";
import { personalEmail, randomPhone, workEmail } from "./contact";
import { daysToIso, isoToDays } from "./dates";
import { CITIES, FIRST_NAMES, LAST_NAMES, MIDDLE_NAMES, PRONOUNS, STREETS, TITLES } from "./vocabulary";

export interface PersonFactoryContext {
  companyId: string;
  domain: string;
  emailLocals: Map<string, number>;
  departments: readonly DepartmentRecord[];
  locations: readonly LocationRecord[];
}

export interface PersonOverrides {
  firstName?: string;
  lastName?: string;
  status?: PersonStatus;
  /** Force "no department" / "no location" / "no work e-mail". */
  noDepartment?: boolean;
  noLocation?: boolean;
  noWorkEmail?: boolean;
  workPhone?: string | null;
  title?: string;
}

const DOB_FROM = isoToDays("1960-01-01");
const DOB_TO = isoToDays("2003-12-31");

/** Mostly active, with every other status present in realistic proportions. */
export function randomStatus(rng: Rng): PersonStatus {
  const roll = rng.next();
  if (roll < 0.86) return "active";
  if (roll < 0.93) return "terminated";
  if (roll < 0.95) return "leave_of_absence";
  if (roll < 0.965) return "requested";
  if (roll < 0.98) return "setup";
  return "deleted";
}

/** One regular person with random but plausible attributes; overrides pin fixtures. */
export function makePerson(
  rng: Rng,
  ctx: PersonFactoryContext,
  id: string,
  employeeNumber: number,
  overrides: PersonOverrides = {},
): PersonRecord {
  const firstName = overrides.firstName ?? rng.pick(FIRST_NAMES);
  const lastName = overrides.lastName ?? rng.pick(LAST_NAMES);
  const status = overrides.status ?? randomStatus(rng);
  const pending = status === "requested" || status === "setup";
  const preferredRoll = rng.next();
  const hasHome = rng.chance(0.6);
  const home = rng.pick(CITIES);
  const hasWorkEmail = !overrides.noWorkEmail && rng.chance(pending ? 0.7 : 0.96);
  return {
    id,
    companyId: ctx.companyId,
    firstName,
    middleName: rng.chance(0.15) ? rng.pick(MIDDLE_NAMES) : null,
    lastName,
    preferredName: preferredRoll < 0.7 ? firstName : preferredRoll < 0.8 ? firstName.slice(0, 3) : null,
    pronoun: rng.chance(0.25) ? rng.pick(PRONOUNS) : null,
    title: overrides.title ?? rng.pick(TITLES),
    status,
    type: "regular",
    employeeNumber: String(employeeNumber),
    workEmail: hasWorkEmail ? workEmail(firstName, lastName, id, ctx.domain, ctx.emailLocals) : null,
    personalEmail: rng.chance(0.85) ? personalEmail(rng, firstName, lastName, id) : null,
    workPhone: overrides.workPhone !== undefined ? overrides.workPhone : randomPhone(rng),
    personalPhone: randomPhone(rng),
    gender: rng.chance(0.02) ? "" : rng.chance(0.5) ? "F" : "M",
    dateOfBirth: rng.chance(0.9) ? daysToIso(rng.int(DOB_FROM, DOB_TO)) : null,
    street1: hasHome ? `${rng.int(1, 9999)} ${rng.pick(STREETS)}` : null,
    street2: hasHome && rng.chance(0.2) ? `Apt ${rng.int(1, 40)}` : null,
    city: hasHome ? home.city : null,
    state: hasHome ? home.state : null,
    postalCode: hasHome ? home.zip : null,
    country: hasHome ? home.country : "US",
    isAdmin: rng.chance(0.01),
    isFullAdmin: false,
    departmentId: overrides.noDepartment || rng.chance(0.04) ? null : rng.pick(ctx.departments).id,
    locationId: overrides.noLocation || rng.chance(0.04) ? null : rng.pick(ctx.locations).id,
    managerId: null,
  };
}

/** The admin-only account: no employment, status null, type "admin" (as in real payloads). */
export function makeAdminAccount(ctx: PersonFactoryContext, id: string): PersonRecord {
  return {
    id,
    companyId: ctx.companyId,
    firstName: "Admin",
    middleName: null,
    lastName: "Account",
    preferredName: null,
    pronoun: null,
    title: null,
    status: null,
    type: "admin",
    employeeNumber: null,
    workEmail: workEmail("hr", "admin", id, ctx.domain, ctx.emailLocals),
    personalEmail: null,
    workPhone: null,
    personalPhone: null,
    gender: "",
    dateOfBirth: null,
    street1: null,
    street2: null,
    city: null,
    state: null,
    postalCode: null,
    country: null,
    isAdmin: true,
    isFullAdmin: true,
    departmentId: null,
    locationId: null,
    managerId: null,
  };
}
