import type { CountryCode } from "libphonenumber-js";
import { parsePhoneNumberFromString } from "libphonenumber-js";

/** Lower-cased and trimmed; null when empty or plainly not an address. */
export function normalizeEmail(email: string | null | undefined): string | null {
  const trimmed = email?.trim().toLowerCase();
  return trimmed && /^[^\s@]+@[^\s@]+$/.test(trimmed) ? trimmed : null;
}

/** E.164 where libphonenumber can parse a valid number; null otherwise (the raw value is kept beside it). */
export function normalizePhone(phone: string | null | undefined, defaultCountry: CountryCode = "US"): string | null {
  if (!phone?.trim()) return null;
  const parsed = parsePhoneNumberFromString(phone, defaultCountry);
  return parsed?.isValid() ? parsed.number : null;
}
