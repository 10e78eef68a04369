// ROSTER ASSUMPTION (see ./README.md): POST /ats/v1/companies/{id}/candidates is invented.
import { type ConnectorContext, ConnectorError } from "@roster/core";
import type { ZenefitsAtsCredentials } from "./credentials";
import {
  type ZenefitsAtsCandidate,
  type ZenefitsAtsImportResult,
  zenefitsAtsCandidateSchema,
  zenefitsAtsImportResult,
} from "./payload";

/**
 * Pushes one hired (or offer-stage) candidate to Zenefits' "Import Candidate" list. Zenefits
 * de-duplicates on `external_id`, so the POST is idempotent: the core client may retry it after
 * a timeout or a 5xx without creating a second candidate, and a re-send updates the first.
 */
export async function importCandidate(
  ctx: ConnectorContext<ZenefitsAtsCredentials>,
  payload: ZenefitsAtsCandidate,
): Promise<ZenefitsAtsImportResult> {
  const body = zenefitsAtsCandidateSchema.parse(payload);
  // POST /ats/v1/companies/{company_id}/candidates — Roster's assumed contract (reference §9 table).
  const response = await ctx.http.request({
    method: "POST",
    url: `ats/v1/companies/${encodeURIComponent(ctx.credentials.companyId)}/candidates`,
    json: body,
    idempotent: true,
  });
  const result = zenefitsAtsImportResult.safeParse(response.data);
  if (!result.success)
    throw new ConnectorError("provider_error", "Zenefits answered the candidate import with an unexpected body");
  return result.data;
}
