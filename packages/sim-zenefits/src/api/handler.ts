import { ERROR_MESSAGES } from "../http/envelope";
import type { Quirks } from "../quirks";
import { renderMe } from "../render/me";
import type { RenderContext } from "../render/refs";
import type { CompanyData } from "../store/records";
import { canonicalId, isNumericId } from "../store/sorted";
import type { TokenInfo } from "../tokens";
import { findInCollection, type Identified, renderWith } from "./collection";
import { COLLECTIONS } from "./collections";
import { expandIncludes, parseIncludes } from "./includes";
import { buildNextUrl, parsePageRequest, slicePage } from "./pagination";

export type ApiResult =
  | { kind: "error"; status: number; message: string; headers?: Record<string, string> }
  | { kind: "detail"; data: object; status?: number }
  | { kind: "list"; records: Record<string, unknown>[]; nextUrl: string | null; url: string };

export interface ApiRequest {
  url: URL;
  /** Scheme + host the client used, e.g. "http://127.0.0.1:4010". */
  base: string;
  token: TokenInfo;
  data: CompanyData;
  quirks: Quirks;
}

export const notFound = (): ApiResult => ({ kind: "error", status: 404, message: ERROR_MESSAGES.notFound });

export function missingScopes(token: TokenInfo, required: readonly string[]): ApiResult | null {
  const missing = required.filter((scope) => !token.scopeSet.has(scope));
  return missing.length > 0 ? { kind: "error", status: 403, message: ERROR_MESSAGES.missingScope(missing) } : null;
}

/** Path segments without empty ones, so the trailing-slash form routes like the bare one. */
export function pathSegments(pathname: string): string[] {
  return pathname.split("/").filter((segment) => segment.length > 0);
}

/** Routes an authenticated GET: /core/me, a collection, one record, or a sub-collection. */
export function handleGet(request: ApiRequest): ApiResult {
  const { url, token, data, quirks } = request;
  const [family, rawName, rawId, subName, ...rest] = pathSegments(url.pathname);
  const ctx: RenderContext = { base: request.base, scopes: token.scopeSet, omitHidden: quirks.hiddenFields === "omit" };
  const singular = rawName === "person" && subName === "custom_field_values" && quirks.singularPersonPath;
  const name = singular ? "people" : rawName;
  if (family === undefined || name === undefined || rest.length > 0) return notFound();
  if (family === "core" && name === "me" && rawId === undefined) return { kind: "detail", data: renderMe(data, token, ctx) };

  const collection = COLLECTIONS[`/${family}/${name}`];
  if (!collection) return notFound();
  if (rawId === undefined) {
    const denied = missingScopes(token, [collection.scope]);
    return denied ?? listResult(request, collection.items(data), collection.render, ctx);
  }
  const sub = subName === undefined ? undefined : collection.subs?.[subName];
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
  request: ApiRequest,
  items: readonly Identified[],
  render: Parameters<typeof renderWith>[0],
  ctx: RenderContext,
): ApiResult {
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
