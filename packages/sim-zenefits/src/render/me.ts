import type { CompanyData } from "../store/records";
import type { TokenInfo } from "../tokens";
import { type RenderContext, refTo } from "./refs";
import type { Me } from "./types";

/** /core/me: who the token belongs to and exactly which scopes it carries. */
export function renderMe(data: CompanyData, token: TokenInfo, ctx: RenderContext): Me {
  return {
    object: "/core/me",
    url: `${ctx.base}/core/me`,
    company: refTo(ctx, "companies", data.company.id),
    person: refTo(ctx, "people", data.ownerPersonId),
    scopes: [...token.scopes],
    expires: null,
    uninstalled: false,
  };
}
