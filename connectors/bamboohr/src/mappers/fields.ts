/** Small pure helpers every BambooHR mapper shares. */
import type { Mapped } from "@roster/core";
import type { z } from "zod";

export type Scalar = string | number | boolean | null | undefined;
export type Parsed<T> = { ok: true; raw: T } | { ok: false; failure: Mapped<never> };

export function failure(remoteId: string | null, reason: string): Mapped<never> {
  return { ok: false, remoteId, reason };
}

function remoteIdOf(raw: unknown): string | null {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === "string" && id.length > 0 ? id : typeof id === "number" ? String(id) : null;
}

/** Parses one record with its lenient schema; a failure names the offending field. */
export function parseRecord<S extends z.ZodType>(schema: S, raw: unknown, what: string): Parsed<z.infer<S>> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, raw: parsed.data };
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { ok: false, failure: failure(null, `BambooHR sent a ${what} that is not an object`) };
  }
  const problems = parsed.error.issues.map((issue) => `field "${issue.path.join(".") || "(record)"}": ${issue.message}`);
  return { ok: false, failure: failure(remoteIdOf(raw), `Unexpected ${what} shape in ${problems.join("; ")}`) };
}

/** Trimmed text; blank, missing and null all become null (a granted field that is empty is null). */
export function textOrNull(value: Scalar): string | null {
  if (value === null || value === undefined || typeof value === "boolean") return null;
  const trimmed = String(value).trim();
  return trimmed ? trimmed : null;
}

/** Kept exactly as given (the sync engine normalises emails and phones); only blank becomes null. */
export function verbatimOrNull(value: Scalar): string | null {
  if (value === null || value === undefined || typeof value === "boolean") return null;
  const text = String(value);
  return text.trim() ? text : null;
}

/** BambooHR's "no date" (reference §6): `0000-00-00` on hire, termination and birth dates. */
export const ZERO_DATE = "0000-00-00";

/**
 * `YYYY-MM-DD`; null when blank or `0000-00-00`; `undefined` when it is not a date at all (the
 * caller reports the record rather than guessing). A timestamp is cut to its date.
 */
export function dateOrNull(value: Scalar): string | null | undefined {
  const text = textOrNull(value);
  if (text === null || text.startsWith(ZERO_DATE)) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(text);
  if (!match) return undefined;
  const [, year, month, day] = match;
  const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(day) ? undefined : `${year}-${month}-${day}`;
}

/**
 * `lastChanged` ("2024-05-01T12:34:56+00:00", or "+0000" as in webhook payloads) as an ISO
 * instant with offset; null when absent or unreadable, since it only dates the record.
 */
export function instantOrNull(value: Scalar): string | null {
  const text = textOrNull(value);
  if (text === null) return null;
  const normalised = text.replace(" ", "T").replace(/([+-]\d{2})(\d{2})$/, "$1:$2");
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(normalised)) return null;
  const ms = Date.parse(normalised);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
