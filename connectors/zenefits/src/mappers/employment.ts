import type { Employment, Mapped } from "@roster/core";
import { rawEmployment } from "../raw";
import { failure, isoDateOrNull, parseRecord, refId, textOrNull } from "./fields";

/**
 * A /core/employments record (reference §6, "Employment") → Employment. A rehire has
 * several; the sync engine picks the most recent for the person's dates.
 */
export function mapEmployment(input: unknown): Mapped<Employment> {
  const parsed = parseRecord(rawEmployment, input, "employment");
  if (!parsed.ok) return parsed.failure;
  const raw = parsed.raw;
  const remoteId = String(raw.id);
  const employeeRemoteId = refId(raw.person);
  if (employeeRemoteId === null) return failure(remoteId, 'Employment names no person ("person.url" is null or missing)');
  const startDate = isoDateOrNull(raw.hire_date);
  if (startDate === undefined)
    return failure(remoteId, `Field "hire_date" is not a YYYY-MM-DD date: ${JSON.stringify(raw.hire_date)}`);
  const terminationDate = isoDateOrNull(raw.termination_date);
  if (terminationDate === undefined) {
    return failure(remoteId, `Field "termination_date" is not a YYYY-MM-DD date: ${JSON.stringify(raw.termination_date)}`);
  }
  return {
    ok: true,
    value: {
      remoteId,
      remoteData: input,
      remoteUpdatedAt: null,
      employeeRemoteId,
      employmentType: textOrNull(raw.employment_type),
      startDate,
      terminationDate,
      terminationType: textOrNull(raw.termination_type),
      isActive: booleanOrNull(raw.is_active),
    },
  };
}

const trueWords = new Set(["true", "t", "yes", "y", "1"]);
const falseWords = new Set(["false", "f", "no", "n", "0"]);

/** `is_active` is a boolean in some payloads and a string ("true") in others. */
export function booleanOrNull(value: boolean | string | null | undefined): boolean | null {
  if (typeof value === "boolean") return value;
  const word = value?.trim().toLowerCase();
  if (word === undefined || word === "") return null;
  return trueWords.has(word) ? true : falseWords.has(word) ? false : null;
}
