/** Small pure helpers every Zenefits mapper shares. */
import type { Mapped } from "@roster/core";
import type { z } from "zod";
import type { RawRef } from "../raw";

export type Parsed<T> = { ok: true; raw: T } | { ok: false; failure: Mapped<never> };

/** The record's id as a string, if it has a usable one; used to name the record in a failure. */
export function remoteIdOf(raw: unknown): string | null {
  if (typeof raw !== "object" || raw === null || !("id" in raw)) return null;
  const id = raw.id;
  return typeof id === "string" && id.length > 0 ? id : typeof id === "number" ? String(id) : null;
}

export function failure(remoteId: string | null, reason: string): Mapped<never> {
  return { ok: false, remoteId, reason };
}

/** Parses one record with its lenient schema; a failure names the offending field. */
export function parseRecord<S extends z.ZodType>(schema: S, raw: unknown, what: string): Parsed<z.infer<S>> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, raw: parsed.data };
  const remoteId = remoteIdOf(raw);
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { ok: false, failure: failure(remoteId, `Zenefits sent a ${what} that is not an object`) };
  }
  const problems = parsed.error.issues.map((issue) => `field "${issue.path.join(".") || "(record)"}": ${issue.message}`);
  return { ok: false, failure: failure(remoteId, `Unexpected ${what} shape in ${problems.join("; ")}`) };
}

/** Trimmed text; blank, missing and null all become null. */
export function textOrNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** Kept exactly as given (the sync engine normalises emails and phones); only blank becomes null. */
export function verbatimOrNull(value: string | null | undefined): string | null {
  return value?.trim() ? value : null;
}

/**
 * The id a reference stub points at: the last path segment of its `url` (reference §3).
 * A null url means "unset" (no manager, no department) or a hidden sub-scope: null.
 * An `includes`-expanded object carries its own `id` instead.
 */
export function refId(ref: RawRef): string | null {
  if (!ref) return null;
  if (ref.url) {
    const path = ref.url.split(/[?#]/)[0] ?? "";
    const last = path.replace(/\/+$/, "").split("/").pop();
    return last ? decodeURIComponent(last) : null;
  }
  return ref.id === null || ref.id === undefined ? null : String(ref.id);
}

const datePrefix = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;

/** `YYYY-MM-DD` (a timestamp is cut to its date); null when blank; `undefined` when it is not a date at all. */
export function isoDateOrNull(value: string | null | undefined): string | null | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  const match = datePrefix.exec(trimmed);
  if (!match) return undefined;
  const [, year, month, day] = match;
  const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(day) ? undefined : `${year}-${month}-${day}`;
}
