import { type ConnectorContext, ConnectorError } from "@roster/core";
import { getObject } from "./client";
import type { ZenefitsCredentials } from "./manifest";
import { refId } from "./mappers/fields";
import { rawMe } from "./raw";

export interface TokenOwner {
  companyId: string;
  scopes: readonly string[];
}

const newTokenHint =
  "Create a new token in Zenefits (Company Profile → Custom Integrations → Add Token) and paste it in Settings.";

/**
 * Who the token belongs to and what it may read: the cheapest call there is and the
 * reference's recommended connection test (reference §6 "Me"). Every way a token can be
 * unusable (401, uninstalled, detached from its company) becomes invalid_credentials,
 * which the sync engine treats as "disconnected": it is never retried in a loop (§7).
 */
export async function readTokenOwner(ctx: ConnectorContext<ZenefitsCredentials>): Promise<TokenOwner> {
  let data: unknown;
  try {
    // GET /core/me — https://developers.zenefits.com/docs ; reference §5, §6 (Me).
    data = await getObject(ctx, "/core/me");
  } catch (error) {
    if (error instanceof ConnectorError && error.kind === "invalid_credentials") {
      throw new ConnectorError(
        "invalid_credentials",
        `Zenefits rejected the access token: it was revoked, deleted or mistyped (${error.message})`,
        {
          status: error.status,
          cause: error,
          hint: newTokenHint,
        },
      );
    }
    throw error;
  }
  const parsed = rawMe.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConnectorError(
      "provider_error",
      `Zenefits answered GET /core/me with an unexpected shape (${issue?.path.join(".")}: ${issue?.message})`,
    );
  }
  const me = parsed.data;
  if (me.uninstalled === true) {
    throw new ConnectorError("invalid_credentials", "Zenefits reports this token's integration as uninstalled", {
      hint: newTokenHint,
    });
  }
  const companyId = refId(me.company);
  if (companyId === null) {
    throw new ConnectorError(
      "invalid_credentials",
      "Zenefits reports no company for this token (the integration may have been removed)",
      {
        hint: newTokenHint,
      },
    );
  }
  return { companyId, scopes: me.scopes ?? [] };
}
