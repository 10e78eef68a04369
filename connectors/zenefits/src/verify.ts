import { type ConnectorContext, ConnectorError, type VerifyResult } from "@roster/core";
import { getObject } from "./client";
import { type ZenefitsCredentials, zenefitsPermissions } from "./manifest";
import { mapCompany } from "./mappers/company";
import { readTokenOwner } from "./me";

/**
 * Checks the token and reports the company it belongs to and which of Roster's twelve
 * permissions it carries, from /core/me `scopes`. The company's name needs the
 * `companies` scope; without it the account is named by its id.
 */
export async function verify(ctx: ConnectorContext<ZenefitsCredentials>): Promise<VerifyResult> {
  const owner = await readTokenOwner(ctx);
  const scopes = new Set(owner.scopes);
  const granted = zenefitsPermissions.filter((permission) => scopes.has(permission.id)).map((permission) => permission.id);
  const missing = zenefitsPermissions.filter((permission) => !scopes.has(permission.id)).map((permission) => permission.id);
  const name = scopes.has("companies") ? await companyName(ctx, owner.companyId) : null;
  return { account: { id: owner.companyId, name: name ?? `Zenefits company ${owner.companyId}` }, granted, missing };
}

/** The company's display name, or null when Zenefits will not say (refused, missing, odd shape). */
async function companyName(ctx: ConnectorContext<ZenefitsCredentials>, companyId: string): Promise<string | null> {
  try {
    // GET /core/companies/{id} — https://developers.zenefits.com/docs ; reference §5, §6 (Company).
    const company = mapCompany(await getObject(ctx, `/core/companies/${encodeURIComponent(companyId)}`));
    return company.ok ? company.value.name : null;
  } catch (error) {
    // A name is a nicety: only a dead token or an unreachable host should fail verification.
    if (error instanceof ConnectorError && (error.kind === "forbidden" || error.kind === "provider_error")) return null;
    throw error;
  }
}
