// ROSTER ASSUMPTION (see ./README.md): POST /ats/v1/companies/{id}/verify is invented.
import { type ConnectorContext, ConnectorError } from "@roster/core";
import { z } from "zod";
import type { ZenefitsAtsCredentials } from "./credentials";

const verifyAnswer = z.looseObject({
  ok: z.literal(true),
  company: z.looseObject({ id: z.union([z.string(), z.number()]).transform(String), name: z.string().nullish() }).nullish(),
});

/**
 * The "Verify" button of Lever's Zenefits integration (reference §9: "sends a test request to
 * Zenefits to check authentication"). Resolves with the company; throws a ConnectorError whose
 * hint says what to fix.
 */
export async function verifyZenefitsAts(
  ctx: ConnectorContext<ZenefitsAtsCredentials>,
): Promise<{ account: { id: string; name: string } }> {
  const { companyId } = ctx.credentials;
  try {
    // POST /ats/v1/companies/{company_id}/verify — Roster's assumed contract (reference §9 table).
    const response = await ctx.http.request({
      method: "POST",
      url: `ats/v1/companies/${encodeURIComponent(companyId)}/verify`,
      json: {},
      // A check changes nothing: safe to retry.
      idempotent: true,
    });
    const answer = verifyAnswer.safeParse(response.data);
    if (!answer.success)
      throw new ConnectorError("provider_error", "Zenefits answered the ATS verify request with an unexpected body");
    const id = answer.data.company?.id ?? companyId;
    return { account: { id, name: answer.data.company?.name ?? `Zenefits company ${id}` } };
  } catch (error) {
    if (error instanceof ConnectorError && error.kind === "invalid_credentials") {
      throw new ConnectorError("invalid_credentials", `Zenefits refused the Company ID and Client Secret: ${error.message}`, {
        status: error.status,
        cause: error,
        hint: "Copy the Company ID and a fresh Client Secret from Zenefits (secure.zenefits.com/dashboard/#/ats/1/connect).",
      });
    }
    throw error;
  }
}
