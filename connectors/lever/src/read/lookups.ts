import type { ConnectorContext } from "@roster/core";
import { listAll } from "../client";
import type { LeverCredentials } from "../manifest";
import { type RawArchiveReason, type RawPosting, type RawStage, rawArchiveReason, rawPosting, rawStage } from "../raw";

type Ctx = ConnectorContext<LeverCredentials>;

/** The account's pipeline stages, `{id, text}` (reference §4 Stage). */
export function listStages(ctx: Ctx): Promise<RawStage[]> {
  // GET /stages — https://hire.lever.co/developer/documentation#list-all-stages ; reference §3.
  return listAll(ctx, "stages", rawStage);
}

/** Archive reasons; `type: "hired"` marks a hire (reference §4, §6). */
export function listArchiveReasons(ctx: Ctx, type?: "hired" | "non-hired"): Promise<RawArchiveReason[]> {
  // GET /archive_reasons[?type=hired] — https://hire.lever.co/developer/documentation#list-all-archive-reasons
  return listAll(ctx, "archive_reasons", rawArchiveReason, { type });
}

/** Every posting, confidential ones included when the key may see them (reference §2). */
export function listPostings(ctx: Ctx): Promise<RawPosting[]> {
  // GET /postings — https://hire.lever.co/developer/documentation#list-all-postings ; reference §3.
  return listAll(ctx, "postings", rawPosting, { confidentiality: "all" });
}
