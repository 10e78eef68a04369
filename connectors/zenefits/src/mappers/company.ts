import type { Company, Mapped } from "@roster/core";
import { rawCompany } from "../raw";
import { failure, parseRecord, textOrNull } from "./fields";

/** A /core/companies record (reference §6, "Company") → Company. */
export function mapCompany(input: unknown): Mapped<Company> {
  const parsed = parseRecord(rawCompany, input, "company");
  if (!parsed.ok) return parsed.failure;
  const raw = parsed.raw;
  const remoteId = String(raw.id);
  const legalName = textOrNull(raw.legal_name);
  // `legal_name` sits behind its own sub-scope; `name` is the one to show.
  const name = textOrNull(raw.name) ?? legalName;
  if (name === null) return failure(remoteId, 'Company has neither "name" nor "legal_name"');
  return { ok: true, value: { remoteId, remoteData: input, remoteUpdatedAt: null, name, legalName } };
}
