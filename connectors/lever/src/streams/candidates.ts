import { defineStream } from "@roster/core";
import { paginate } from "../client";
import type { LeverCredentials } from "../manifest";
import { type CandidateRecord, mapCandidate } from "../mappers/candidate";
import type { RawArchiveReason, RawPosting, RawStage } from "../raw";
import { listArchiveReasons, listPostings, listStages } from "../read/lookups";

interface Lookups {
  stages: Map<string, RawStage>;
  reasons: Map<string, RawArchiveReason>;
  postings: Map<string, RawPosting>;
}

const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((item) => [item.id, item]));

/**
 * Joins one opportunity with what the mapper needs to stay pure: its stage name, its archive
 * reason's type (a hire is an archive with a `hired` reason, reference §6) and its posting.
 * Only the fields used are kept, so edits elsewhere in a posting do not rewrite every candidate.
 */
function join(raw: unknown, lookups: Lookups): CandidateRecord {
  const o = (raw ?? {}) as { stage?: unknown; archived?: { reason?: unknown } | null; applications?: unknown };
  const stageId = typeof o.stage === "string" ? o.stage : null;
  const reasonId = typeof o.archived?.reason === "string" ? o.archived.reason : null;
  const application = Array.isArray(o.applications) ? (o.applications[0] as { posting?: unknown } | undefined) : undefined;
  const posting = typeof application?.posting === "string" ? lookups.postings.get(application.posting) : undefined;
  const stage = stageId ? lookups.stages.get(stageId) : undefined;
  const reason = reasonId ? lookups.reasons.get(reasonId) : undefined;
  return {
    opportunity: raw,
    stage: stage ? { id: stage.id, text: stage.text ?? null } : null,
    archiveReason: reason ? { id: reason.id, text: reason.text ?? null, type: reason.type ?? null } : null,
    posting: posting ? { id: posting.id, text: posting.text ?? null, location: posting.categories?.location ?? null } : null,
  };
}

/**
 * Every opportunity (a candidacy; Lever's "candidates" are opportunities, reference §3), confidential
 * ones included. The cursor is Lever's `next` offset token. A full read each time: the sync
 * engine marks the ones that disappeared (deleted in Lever) as deleted.
 */
export const candidatesStream = defineStream<LeverCredentials, CandidateRecord, "candidates">({
  model: "candidates",
  requires: ["opportunities:read:admin", "stages:read:admin", "archive_reasons:read:admin", "postings:read:admin"],
  async *read(ctx, { cursor }) {
    const [stages, reasons, postings] = [await listStages(ctx), await listArchiveReasons(ctx), await listPostings(ctx)];
    const lookups: Lookups = { stages: byId(stages), reasons: byId(reasons), postings: byId(postings) };
    // GET /opportunities — https://hire.lever.co/developer/documentation#list-all-opportunities ; reference §3.
    // `confidentiality=all`: the default lists only non-confidential ones (§2). `expand=applications` names the posting.
    const query = { confidentiality: "all", expand: "applications" };
    for await (const page of paginate(ctx, "opportunities", query, cursor)) {
      yield { records: page.records.map((raw) => join(raw, lookups)), nextCursor: page.nextCursor };
    }
  },
  map: mapCandidate,
});
