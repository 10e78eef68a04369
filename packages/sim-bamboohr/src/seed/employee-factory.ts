import { daysToIso, isoToDays, ZERO_DATE } from "../dates";
import { GITHUB_FIELD_ID, SHIRT_SIZE_FIELD_ID, SHIRT_SIZES } from "../fields/custom-fields";
import type { EmployeeRecord } from "../model/records";
import type { Rng } from "../prng";
import type { EmployeeKind, History, Placement } from "./history";
import {
  asciiSlug,
  EMAIL_PROVIDERS,
  FIRST_NAMES,
  GENDERS,
  GITHUB_SUFFIXES,
  LAST_NAMES,
  MARITAL_STATUSES,
  MIDDLE_NAMES,
  PRONOUNS,
  STREETS,
} from "./vocabulary";

export interface IdentityContext {
  rng: Rng;
  /** E-mail domain of the company, e.g. "acme.example". */
  emailDomain: string;
  /** How often each work e-mail local part was used, for unique addresses. */
  emailLocals: Map<string, number>;
  /** Seeded `lastChanged` values fall between this and today. */
  changedFromSec: number;
  changedToSec: number;
}

/** Values a fixture pins; anything left out is drawn at random. */
export interface IdentityOverrides {
  firstName?: string;
  lastName?: string;
  employeeNumber?: string;
  preferredName?: string | null;
  middleName?: string | null;
  workEmail?: string | null;
  hireDate?: string;
  dateOfBirth?: string | null;
  noCustomValues?: boolean;
}

const SECONDS_PER_DAY = 86_400;
const EARLIEST_CREATED_SEC = isoToDays("2015-01-01") * SECONDS_PER_DAY;
const DOB_FROM = isoToDays("1960-01-01");
const DOB_TO = isoToDays("2003-12-31");
const APARTMENTS = Array.from({ length: 41 }, (_, n) => `Apt ${n}`);
const digits = (rng: Rng, count: number) => String(rng.int(0, 10 ** count - 1)).padStart(count, "0");

/** Phone numbers as people type them: several formats, none normalised. */
function phone(rng: Rng): string {
  const roll = rng.next();
  if (roll < 0.35) return `(801) 555-${digits(rng, 4)}`;
  if (roll < 0.6) return `${rng.int(201, 989)}-555-${digits(rng, 4)}`;
  if (roll < 0.75) return `+1 ${rng.int(201, 989)} 555 ${digits(rng, 4)}`;
  if (roll < 0.9) return `+44 20 7946 ${digits(rng, 4)}`;
  return `555.${digits(rng, 3)}.${digits(rng, 4)}`;
}

function workEmail(first: string, last: string, id: number, ctx: IdentityContext): string {
  const joined = [asciiSlug(first), asciiSlug(last)].filter((part) => part.length > 0).join(".");
  const local = joined.length > 0 ? joined : `employee${id}`;
  // Locals are letters and dots only, so a numeric suffix can never collide.
  const seen = (ctx.emailLocals.get(local) ?? 0) + 1;
  ctx.emailLocals.set(local, seen);
  return seen === 1 ? `${local}@${ctx.emailDomain}` : `${local}${seen}@${ctx.emailDomain}`;
}

/** Text that is sometimes never set (null) and sometimes set then blanked (""). */
function sometimes(rng: Rng, present: number, blank: number, value: string): string | null {
  const roll = rng.next();
  if (roll < present) return value;
  return roll < present + blank ? "" : null;
}

function customValues(rng: Rng, first: string, last: string): Record<string, string | null> {
  const values: Record<string, string | null> = {};
  if (rng.chance(0.6)) values[SHIRT_SIZE_FIELD_ID] = rng.pick(SHIRT_SIZES);
  if (rng.chance(0.1)) values["4002"] = rng.pick(["Peanuts", "Shellfish", "None", ""]);
  if (rng.chance(0.3)) values[GITHUB_FIELD_ID] = `${asciiSlug(first)}${asciiSlug(last)}-${rng.pick(GITHUB_SUFFIXES)}`;
  if (rng.chance(0.4)) values["4004"] = rng.chance(0.1) ? ZERO_DATE : daysToIso(isoToDays("2026-01-01") + rng.int(0, 900));
  if (rng.chance(0.7)) values["4005"] = rng.chance(0.6) ? "Yes" : "No";
  return values;
}

/** One employee record from an id, a history and random (or pinned) personal details. */
export function makeEmployee(
  ctx: IdentityContext,
  id: number,
  employeeNumber: string,
  kind: EmployeeKind,
  placement: Placement,
  history: History,
  overrides: IdentityOverrides = {},
): EmployeeRecord {
  const { rng } = ctx;
  const firstName = overrides.firstName ?? rng.pick(FIRST_NAMES);
  const lastName = overrides.lastName ?? rng.pick(LAST_NAMES);
  const preferredRoll = rng.next();
  const hasHome = rng.chance(0.6);
  const place = placement.location;
  const lastChangedSec = rng.int(ctx.changedFromSec, ctx.changedToSec);
  const hireSec = isoToDays(history.originalHireDate) * SECONDS_PER_DAY;
  const originalRoll = rng.next();
  const workPhone = rng.chance(0.6) ? phone(rng) : null;
  return {
    id,
    employeeNumber: overrides.employeeNumber ?? employeeNumber,
    firstName,
    lastName,
    middleName: overrides.middleName !== undefined ? overrides.middleName : sometimes(rng, 0.15, 0.1, rng.pick(MIDDLE_NAMES)),
    preferredName:
      overrides.preferredName !== undefined
        ? overrides.preferredName
        : preferredRoll < 0.15
          ? firstName.slice(0, 3)
          : preferredRoll < 0.35
            ? ""
            : null,
    status: kind === "terminated" || kind === "inactive" ? "Inactive" : "Active",
    workEmail:
      overrides.workEmail !== undefined
        ? overrides.workEmail
        : rng.chance(0.98)
          ? workEmail(firstName, lastName, id, ctx)
          : rng.pick(["", null]),
    homeEmail: rng.chance(0.7) ? `${asciiSlug(firstName) || "me"}${rng.int(1, 999)}@${rng.pick(EMAIL_PROVIDERS)}` : null,
    workPhone,
    workPhoneExtension: workPhone !== null && rng.chance(0.2) ? String(rng.int(100, 999)) : null,
    mobilePhone: rng.chance(0.7) ? phone(rng) : null,
    homePhone: rng.chance(0.15) ? phone(rng) : null,
    address1: hasHome ? `${rng.int(1, 9999)} ${rng.pick(STREETS)}` : null,
    address2: hasHome ? sometimes(rng, 0.1, 0.1, APARTMENTS[rng.int(1, 40)] as string) : null,
    city: hasHome ? (place?.city ?? "Austin") : null,
    state: hasHome ? (place?.state ?? "TX") : null,
    zipcode: hasHome ? (place?.zipcode ?? "78701") : null,
    country: hasHome ? (place?.country ?? "United States") : null,
    hireDate: overrides.hireDate ?? (kind !== "futureHire" && rng.chance(0.015) ? ZERO_DATE : history.hireDate),
    originalHireDate:
      history.originalHireDate !== history.hireDate
        ? history.originalHireDate
        : originalRoll < 0.6
          ? history.hireDate
          : originalRoll < 0.9
            ? ZERO_DATE
            : "",
    dateOfBirth:
      overrides.dateOfBirth !== undefined
        ? overrides.dateOfBirth
        : rng.chance(0.9)
          ? daysToIso(rng.int(DOB_FROM, DOB_TO))
          : rng.chance(0.3)
            ? ZERO_DATE
            : null,
    gender: rng.chance(0.85) ? rng.pick(GENDERS) : null,
    maritalStatus: rng.chance(0.7) ? rng.pick(MARITAL_STATUSES) : null,
    ssn: rng.chance(0.8) ? `${digits(rng, 3)}-${digits(rng, 2)}-${digits(rng, 4)}` : null,
    linkedIn: rng.chance(0.3) ? `https://www.linkedin.com/in/${asciiSlug(firstName)}-${asciiSlug(lastName)}-${id}` : null,
    pronouns: rng.chance(0.25) ? rng.pick(PRONOUNS) : null,
    photoUploaded: rng.chance(0.5),
    custom: overrides.noCustomValues ? {} : customValues(rng, firstName, lastName),
    lastChangedSec,
    createdSec: Math.min(lastChangedSec, Math.max(EARLIEST_CREATED_SEC, hireSec - 14 * SECONDS_PER_DAY)),
    jobInfo: history.jobInfo,
    employmentStatus: history.employmentStatus,
    compensation: history.compensation,
  };
}
