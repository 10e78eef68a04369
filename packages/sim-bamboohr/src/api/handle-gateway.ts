import type { IncomingMessage } from "node:http";
import { basicUsername } from "../api-keys";
import { ApiError, errorResponse, notFound } from "../http/api-error";
import { readBody } from "../http/body";
import { wantsJson } from "../http/negotiate";
import type { SimResponse } from "../http/respond";
import { compileAccess } from "../model/access";
import type { SimState } from "../state";
import type { ApiContext } from "./context";
import { apiRouter } from "./routes";

/** `/api/gateway.php/{companyDomain}/v1/...` → the domain and the `/v1/...` rest (reference §1.1). */
export function splitGatewayPath(pathname: string): { domain: string; rest: string } | null {
  const match = /^\/api\/gateway\.php\/([^/]+)(\/.*)?$/.exec(pathname);
  if (!match?.[1]) return null;
  return { domain: decodeURIComponent(match[1]), rest: match[2] ?? "/" };
}

/** The route pattern a request hit, for the request log ("GET /v1/employees/:id"). */
export function routeLabel(method: string, pathname: string): string {
  const gateway = splitGatewayPath(pathname);
  if (!gateway) return `${method} ${pathname}`;
  const match = apiRouter.match(method, gateway.rest);
  return `${method} ${typeof match === "object" ? match.route.path : gateway.rest}`;
}

const UNAUTHORIZED = { "www-authenticate": 'Basic realm="BambooHR API"' };

function unauthorized(message: string): ApiError {
  return new ApiError(401, message, { status: 401, body: "", headers: UNAUTHORIZED });
}

/**
 * Company → API key → route → handler. The company comes first (404 for an
 * unknown one); a key is valid only for its own company and while its user is
 * enabled. Errors are bodiless with the reason in X-BambooHR-Error-Message.
 */
async function answer(req: IncomingMessage, url: URL, state: SimState): Promise<SimResponse> {
  const gateway = splitGatewayPath(url.pathname);
  if (!gateway) throw notFound("Not found");
  const company = state.findCompany(gateway.domain);
  if (!company) throw notFound(`Unknown company ${gateway.domain}`);
  const key = basicUsername(req.headers.authorization);
  if (key === null) throw unauthorized("Your API key is missing");
  const lookup = state.keys.lookup(key);
  if (!lookup.ok) throw unauthorized(lookup.reason === "revoked" ? "This API key has been revoked" : "Invalid API key");
  const user = lookup.grant.companyDomain === company.data.domain ? company.data.user(lookup.grant.userId) : undefined;
  if (!user) throw unauthorized("Invalid API key for this company");
  if (user.status === "disabled") throw unauthorized("The user of this API key is disabled");
  const match = apiRouter.match(req.method ?? "GET", gateway.rest);
  if (match === undefined) throw notFound(`No endpoint ${gateway.rest}`);
  if (match === "method-not-allowed") throw new ApiError(405, `${req.method} is not allowed on ${gateway.rest}`);
  const host = req.headers.host && /^[A-Za-z0-9.\-:[\]]+$/.test(req.headers.host) ? `http://${req.headers.host}` : state.url;
  let bodyText: Promise<string> | undefined;
  const ctx: ApiContext = {
    req,
    url,
    state,
    company,
    user,
    access: compileAccess(user.access),
    json: wantsJson(req),
    gatewayBase: `${host}/api/gateway.php/${company.data.domain}`,
    body: () => {
      bodyText ??= readBody(req);
      return bodyText;
    },
  };
  return match.route.handle(ctx, match.params);
}

export async function handleGateway(req: IncomingMessage, url: URL, state: SimState): Promise<SimResponse> {
  try {
    return await answer(req, url, state);
  } catch (error) {
    if (error instanceof ApiError) return errorResponse(error);
    throw error;
  }
}
