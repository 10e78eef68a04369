import type { Employee, Mapped } from "@roster/core";
import { rawPerson } from "../raw";
import { parseRecord, refId, textOrNull, verbatimOrNull } from "./fields";
import { mapPersonStatus } from "./person-status";

/**
 * A /core/people record (reference §6, "Person") → Employee. Fields behind an ungranted
 * sub-scope (status, emails, work phone, department, location, manager) arrive null or
 * missing and map to null; the people stream declares them (fieldsByPermission), so the
 * engine keeps what it stored rather than writing these nulls. Zenefits keeps hire and
 * termination dates on employments, not on the person: the stream omits them and the engine
 * fills them from the employments.
 */
export function mapPerson(input: unknown): Mapped<Employee> {
  const parsed = parseRecord(rawPerson, input, "person");
  if (!parsed.ok) return parsed.failure;
  const raw = parsed.raw;
  const remoteId = String(raw.id);
  const firstName = textOrNull(raw.first_name);
  const lastName = textOrNull(raw.last_name);
  const preferredName = textOrNull(raw.preferred_name);
  const workEmail = verbatimOrNull(raw.work_email);
  const remoteStatus = textOrNull(raw.status);

  return {
    ok: true,
    value: {
      remoteId,
      remoteData: input,
      remoteUpdatedAt: null,
      firstName,
      lastName,
      preferredName,
      displayName: displayNameOf(preferredName, firstName, lastName, workEmail, remoteId),
      workEmail,
      personalEmail: verbatimOrNull(raw.personal_email),
      workPhone: verbatimOrNull(raw.work_phone),
      personalPhone: verbatimOrNull(raw.personal_phone),
      status: mapPersonStatus(remoteStatus),
      remoteStatus,
      // "regular" / "admin" (others unconfirmed): kept as Zenefits says it.
      employmentType: textOrNull(raw.type),
      jobTitle: textOrNull(raw.title),
      departmentRemoteId: refId(raw.department),
      locationRemoteId: refId(raw.location),
      managerRemoteId: refId(raw.manager),
      hireDate: null,
      startDate: null,
      terminationDate: null,
    },
  };
}

/** The name people go by (preferred, else first) with the last name; then the work email; then "Person <id>". */
export function displayNameOf(
  preferredName: string | null,
  firstName: string | null,
  lastName: string | null,
  workEmail: string | null,
  remoteId: string,
): string {
  const name = [preferredName ?? firstName, lastName]
    .filter((part) => part !== null)
    .join(" ")
    .trim();
  return name || workEmail?.trim() || `Person ${remoteId}`;
}
