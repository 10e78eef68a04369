import type { Department, Mapped } from "@roster/core";
import { rawDepartment } from "../raw";
import { failure, parseRecord, textOrNull } from "./fields";

/** A /core/departments record (reference §6, "Department") → Department. Zenefits departments are flat: no parent. */
export function mapDepartment(input: unknown): Mapped<Department> {
  const parsed = parseRecord(rawDepartment, input, "department");
  if (!parsed.ok) return parsed.failure;
  const remoteId = String(parsed.raw.id);
  const name = textOrNull(parsed.raw.name);
  if (name === null) return failure(remoteId, 'Department has no "name"');
  return { ok: true, value: { remoteId, remoteData: input, remoteUpdatedAt: null, name, parentRemoteId: null } };
}
