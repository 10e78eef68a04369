import type { Phone } from "../model";
import { CANDIDATE_EMAIL_DOMAINS, COMPANIES, FIRST_NAMES, LAST_NAMES, LOCATIONS, SINGLE_TOKEN_NAMES } from "./catalog";
import { asciiSlug, type SeedContext } from "./seed-context";

/** The person behind a candidacy: what Lever keeps on the contact and copies onto the opportunity. */
export interface Person {
  name: string;
  headline: string;
  emails: string[];
  phones: Phone[];
  links: string[];
  location: string;
}

function phoneNumber(ctx: SeedContext): string {
  const { prng } = ctx;
  return prng.chance(0.7)
    ? `(${prng.int(200, 989)}) ${prng.int(200, 989)}-${String(prng.int(0, 9999)).padStart(4, "0")}`
    : `+44 20 ${prng.int(7000, 7999)} ${String(prng.int(0, 9999)).padStart(4, "0")}`;
}

/**
 * `withEmail: false` produces a candidate with no email at all, which an HRIS push must reject
 * as a missing required field.
 */
export function seedPerson(ctx: SeedContext, withEmail: boolean): Person {
  const { prng } = ctx;
  const name = prng.chance(0.04) ? prng.pick(SINGLE_TOKEN_NAMES) : `${prng.pick(FIRST_NAMES)} ${prng.pick(LAST_NAMES)}`;
  const local = `${asciiSlug(name)}${prng.int(1, 999)}`;
  const emails = withEmail ? [`${local}@${prng.pick(CANDIDATE_EMAIL_DOMAINS)}`] : [];
  if (withEmail && prng.chance(0.15)) emails.push(`${asciiSlug(name, "_")}@work.example`);
  const phones: Phone[] = [];
  if (prng.chance(0.85))
    phones.push({ type: prng.weighted(["mobile", "work", null] as const, [6, 2, 1]), value: phoneNumber(ctx) });
  const companies = [prng.pick(COMPANIES)];
  if (prng.chance(0.5)) companies.push(prng.pick(COMPANIES));
  return {
    name,
    headline: [...new Set(companies)].join(", "),
    emails,
    phones,
    links: prng.chance(0.7) ? [`https://linkedin.com/in/${asciiSlug(name, "-")}-${prng.hex(4)}`] : [],
    location: prng.pick(LOCATIONS).city,
  };
}
