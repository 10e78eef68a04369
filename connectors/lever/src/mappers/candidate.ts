import type { Candidate, Mapped } from "@roster/core";
import { rawOpportunity } from "../raw";
import { splitName } from "./name";

/** One opportunity with the account data the mapper needs (joined by the stream). */
export interface CandidateRecord {
  opportunity: unknown;
  stage: { id: string; text: string | null } | null;
  archiveReason: { id: string; text: string | null; type: string | null } | null;
  posting: { id: string; text: string | null; location: string | null } | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The Offer stage by name (reference §6: resolve it from GET /stages, match on `text`); ids differ per account. */
export function isOfferStage(stage: { text?: string | null } | null | undefined): boolean {
  return /^\s*offers?\s*$/i.test(stage?.text ?? "");
}

/**
 * Status (Roster's rule): archived with a `hired`-type reason → hired; archived otherwise →
 * archived; active in a stage named "Offer" → offer; else active.
 */
export function candidateStatus(record: CandidateRecord, archived: boolean): Candidate["status"] {
  if (archived) return record.archiveReason?.type === "hired" ? "hired" : "archived";
  return isOfferStage(record.stage) ? "offer" : "active";
}

/** Pure: a joined opportunity to the unified candidate, or the reason it cannot be. */
export function mapCandidate(record: CandidateRecord): Mapped<Candidate> {
  const parsed = rawOpportunity.safeParse(record.opportunity);
  if (!parsed.success) {
    const id = (record.opportunity as { id?: unknown } | null)?.id;
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      remoteId: typeof id === "string" ? id : null,
      reason: `unexpected opportunity shape (${issue?.path.join(".") || "record"}: ${issue?.message ?? "invalid"})`,
    };
  }
  const o = parsed.data;
  const { firstName, lastName } = splitName(o.name);
  const email = o.emails?.find((e) => e.trim() !== "") ?? null;
  const phone = o.phones?.find((p) => p.value)?.value ?? null;
  const archivedAt = o.archived?.archivedAt ?? null;
  const archived = o.archived != null;
  const status = candidateStatus(record, archived);
  const stageId = typeof o.stage === "string" ? o.stage : (o.stage?.id ?? null);
  return {
    ok: true,
    value: {
      remoteId: o.id,
      remoteData: record,
      remoteUpdatedAt: iso(o.updatedAt),
      firstName,
      lastName,
      displayName: o.name?.trim() || email || `Lever candidate ${o.id}`,
      email,
      phone,
      status,
      stageId,
      stageName: record.stage?.text ?? null,
      jobTitle: record.posting?.text ?? null,
      jobLocation: record.posting?.location ?? o.opportunityLocation ?? null,
      hiredAt: status === "hired" ? iso(archivedAt) : null,
      archivedAt: archived ? iso(archivedAt) : null,
    },
  };
}
