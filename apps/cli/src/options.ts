import { z } from "zod";
import { usageError } from "./exit-codes";

/** A whole number from a flag, within bounds, or a usage error naming the flag. */
export function parseInteger(
  flag: string,
  raw: string | undefined,
  bounds: { min?: number; max?: number } = {},
): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = bounds;
  if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    const range = bounds.max === undefined ? `≥ ${min}` : `${min}..${max}`;
    throw usageError(`${flag} must be a whole number ${range} (got "${raw}")`);
  }
  return value;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Connection ids are UUIDs; anything else would only reach PostgreSQL as a syntax error. */
export function parseConnectionId(raw: string): string {
  if (!uuid.test(raw)) {
    throw usageError(`"${raw}" is not a connection id (a UUID such as 0b6f…-…)`, "List connections with `roster connections`.");
  }
  return raw.toLowerCase();
}

/** `--org` takes the id `roster org create` printed (a UUID). */
export function parseOrganisationId(raw: string): string {
  if (!uuid.test(raw)) {
    throw usageError(`--org: "${raw}" is not an organisation id (a UUID such as 0b6f…-…)`, "`roster org create` prints it.");
  }
  return raw.toLowerCase();
}

/** Commander collector for repeatable `--field key=value`. */
export function collectField(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/**
 * A flag's value checked with the field rule the dashboard's form uses (@roster/api/schemas),
 * so both say the same thing; a bad value is a usage error naming the flag. `show` false keeps
 * the value out of the message (a secret read from a file).
 */
export function parseFlag<T extends z.ZodType>(flag: string, schema: T, raw: unknown, show = true): z.output<T> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const reason = parsed.error.issues[0]?.message ?? "not valid";
  throw usageError(`${flag}: ${reason}${show && typeof raw === "string" ? ` (got "${raw}")` : ""}`);
}

const httpUrl = z.url({ protocol: /^https?$/, error: "an http:// or https:// URL" });

/** A provider base URL from a flag: http(s) only, since credentials are sent there. */
export function parseBaseUrl(flag: string, raw: string | undefined): string | undefined {
  return raw === undefined ? undefined : parseFlag(flag, httpUrl, raw.trim());
}
