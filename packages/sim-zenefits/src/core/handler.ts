import { ERROR_MESSAGES } from "../http/envelope";
import { renderMe } from "../render/me";
import type { RenderContext } from "../render/refs";
import type { CompanyData } from "../store/records";
import { canonicalId, isNumericId } from "../store/sorted";
import type { TokenInfo } from "../tokens";
import { COLLECTIONS, findInCollection, renderWith, SUB_COLLECTIONS } from "./collections";
import { expandIncludes, parseIncludes } from "./includes";
import { buildNextUrl, parsePageRequest, slicePage } from "./pagination";

export type CoreResult =
  | { kind: "error"; status: number; message: string; headers?: Record<string, string> }
  | { kind: "detail"; data: object }
  | { kind: "list"; records: Record<string, unknown>[]; nextUrl: string | null; url: string };

export interface CoreRequest {
  method: string;
  url: URL;
  /** Scheme + host the client used, e.g. "http://127.0.0.1:4010". */
  base: string;
  token: TokenInfo;
  data: CompanyData;
}

const notFound = (): CoreResult => ({ kind: "error", status: 404, message: ERROR_MESSAGES.notFound });

function missingScopes(token: TokenInfo, required: readonly string[]): CoreResult | null {
  const missing = required.filter((scope) => !token.scopeSet.has(scope));
  return missing.length > 0 ? { kind: "error", status: 403, message: ERROR_MESSAGES.missingScope(missing) } : null;
}

/** Routes an authenticated /core request. Read-only, like the real API. */
export function handleCore(request: CoreRequest): CoreResult {
  const { method, url, token, data } = request;
  if (method !== "GET" && method !== "HEAD") {
    return { kind: "error", status: 405, message: ERROR_MESSAGES.methodNotAllowed(method), headers: { allow: "GET" } };
  }
  const segments = url.pathname
    .split("/")
    .filter((segment) => segment.length > 0)
    .slice(1);
  const ctx: RenderContext = { base: request.base, scopes: token.scopeSet };
  const [name, rawId, subName, ...rest] = segments;
  if (name === undefined || rest.length > 0) return notFound();
  if (name === "me" && rawId === undefined) return { kind: "detail", data: renderMe(data, token, ctx) };

  const collection = COLLECTIONS[name];
  if (!collection) return notFound();
  if (rawId === undefined) {
    const denied = missingScopes(token, [collection.scope]);
    return denied ?? listResult(request, collection.items(data), collection.render, ctx);
  }
  const sub = subName === undefined ? undefined : SUB_COLLECTIONS[name]?.[subName];
  if (subName !== undefined && !sub) return notFound();
  const denied = missingScopes(token, sub ? sub.scopes : [collection.scope]);
  if (denied) return denied;
  if (!isNumericId(rawId)) return notFound();
  const parent = findInCollection(collection, data, canonicalId(rawId));
  if (!parent) return notFound();
  if (sub) return listResult(request, sub.items(data, parent.id), sub.render, ctx);

  const includes = parseIncludes(url.searchParams);
  const rendered = renderWith(collection.render, parent, ctx) as Record<string, unknown>;
  return { kind: "detail", data: includes.length > 0 ? expandIncludes(rendered, includes, data, ctx) : rendered };
}

function listResult(
  request: CoreRequest,
  items: readonly { id: string }[],
  render: Parameters<typeof renderWith>[0],
  ctx: RenderContext,
): CoreResult {
  const params = request.url.searchParams;
  const pageRequest = parsePageRequest(params);
  if ("error" in pageRequest) return { kind: "error", status: 400, message: pageRequest.error };
  const { page, next } = slicePage(items, pageRequest);
  const includes = parseIncludes(params);
  const records = page.map((item) => {
    const rendered = renderWith(render, item, ctx) as Record<string, unknown>;
    return includes.length > 0 ? expandIncludes(rendered, includes, request.data, ctx) : rendered;
  });
  const pathname = request.url.pathname;
  return {
    kind: "list",
    records,
    nextUrl: next ? buildNextUrl(request.base, pathname, params, pageRequest, next) : null,
    url: `${request.base}${pathname}`,
  };
}
