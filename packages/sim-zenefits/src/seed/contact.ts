import type { Rng } from "../prng";
import { asciiSlug, EMAIL_PROVIDERS } from "./vocabulary";

const digits = (rng: Rng, count: number): string => String(rng.int(0, 10 ** count - 1)).padStart(count, "0");

/**
 * Phone numbers as admins really type them: several formats, international
 * numbers, and the occasional unusable value. Connectors must cope with all.
 */
export function randomPhone(rng: Rng): string | null {
  const roll = rng.next();
  if (roll < 0.3) return `(${rng.int(201, 989)}) 555-${digits(rng, 4)}`;
  if (roll < 0.5) return `+1 ${rng.int(201, 989)} 555 ${digits(rng, 4)}`;
  if (roll < 0.65) return `555.${digits(rng, 3)}.${digits(rng, 4)}`;
  if (roll < 0.72) return `+44 20 7946 ${digits(rng, 4)}`;
  if (roll < 0.78) return `${rng.int(201, 989)}555${digits(rng, 4)}`;
  if (roll < 0.81) return `ext. ${rng.int(10, 99)}`;
  return null;
}

/**
 * Work e-mail derived from the name; ASCII-folded, falling back to the id for
 * e.g. "李", and made unique with a numeric suffix ("nathan.ash2@...").
 */
export function workEmail(first: string, last: string, id: string, domain: string, used: Map<string, number>): string {
  const joined = [asciiSlug(first), asciiSlug(last)].filter((part) => part.length > 0).join(".");
  const local = joined.length > 0 ? joined : `user${id}`;
  // Locals are letters and dots only, so a numeric suffix can never collide.
  const seen = (used.get(local) ?? 0) + 1;
  used.set(local, seen);
  return seen === 1 ? `${local}@${domain}` : `${local}${seen}@${domain}`;
}

export function personalEmail(rng: Rng, first: string, last: string, id: string): string {
  const base = `${asciiSlug(first)}${asciiSlug(last)}` || `person${id}`;
  return `${base}${rng.int(1, 999)}@${rng.pick(EMAIL_PROVIDERS)}`;
}

/** Company domain from its name: "Acme Robotics (sandbox)" -> "acmerobotics.example". */
export function companyDomain(companyName: string): string {
  const slug = asciiSlug(companyName.replace(/\(.*\)/, "")) || "company";
  return `${slug}.example`;
}
