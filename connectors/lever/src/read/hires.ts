import type { ConnectorContext } from "@roster/core";
import { paginate, withRepeated } from "../client";
import type { LeverCredentials } from "../manifest";
import { type RawOpportunity, rawOpportunity } from "../raw";
import { listArchiveReasons } from "./lookups";

type Ctx = ConnectorContext<LeverCredentials>;

/** Ids of the account's archive reasons of type `hired` (reference §6 step 2). */
export async function hiredArchiveReasonIds(ctx: Ctx): Promise<string[]> {
  return (await listArchiveReasons(ctx, "hired")).map((reason) => reason.id);
}

/** True when the opportunity is archived with one of `hiredReasonIds` (reference §6: a hire is an archive). */
export function isHired(opportunity: RawOpportunity, hiredReasonIds: readonly string[]): boolean {
  const reason = opportunity.archived?.reason;
  return typeof reason === "string" && hiredReasonIds.includes(reason);
}

/**
 * Hired opportunities changed since `since` (reference §6 safety-net poll: archived with a
 * hired reason, filtered by `updated_at_start`, which moves on every archive change).
 */
export async function listHiredSince(ctx: Ctx, since: Date): Promise<RawOpportunity[]> {
  const reasons = await hiredArchiveReasonIds(ctx);
  if (reasons.length === 0) return [];
  // GET /opportunities?archived=true&archive_reason_id=…&updated_at_start=… — reference §3 filters (repeated = union).
  const path = withRepeated("opportunities", "archive_reason_id", reasons);
  const query = { archived: true, updated_at_start: since.getTime(), confidentiality: "all" };
  const hires: RawOpportunity[] = [];
  for await (const page of paginate(ctx, path, query)) {
    for (const record of page.records) {
      const parsed = rawOpportunity.safeParse(record);
      if (parsed.success && isHired(parsed.data, reasons)) hires.push(parsed.data);
    }
  }
  return hires;
}
