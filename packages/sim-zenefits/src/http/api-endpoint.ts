import type { IncomingMessage } from "node:http";
import { type ApiResult, handleGet, missingScopes, pathSegments } from "../api/handler";
import { matchPlatformWrite } from "../api/platform-writes";
import type { SimState } from "../state";
import { bearerToken, type TokenInfo } from "../tokens";
import { BodyError, readJsonBody } from "./body";
import { detailEnvelope, ERROR_MESSAGES, errorEnvelope, listEnvelope } from "./envelope";
import { type HttpResponse, jsonResponse } from "./respond";

const UNAUTHORIZED_HEADERS = { "www-authenticate": 'Bearer realm="api"' };

function unauthorized(message: string): HttpResponse {
  return jsonResponse(401, errorEnvelope(401, message), UNAUTHORIZED_HEADERS);
}

const methodNotAllowed = (method: string, allow: string): ApiResult => ({
  kind: "error",
  status: 405,
  message: ERROR_MESSAGES.methodNotAllowed(method),
  headers: { allow },
});

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Authenticates, routes and serializes one API request (/core, /time_off, /time_attendance,
 * /payroll, /platform), applying list-page faults. GET and HEAD read; the documented API is
 * read-only for HR data, so POST is served only on the platform's write routes.
 */
export async function serveApi(req: IncomingMessage, url: URL, base: string, state: SimState): Promise<HttpResponse> {
  const token = bearerToken(req.headers.authorization);
  if (token === null) return unauthorized(ERROR_MESSAGES.noCredentials);
  const lookup = state.tokens.lookup(token);
  if (!lookup.ok) return unauthorized(lookup.reason === "revoked" ? ERROR_MESSAGES.revokedToken : ERROR_MESSAGES.invalidToken);
  const data = state.findCompany(lookup.info.companyId);
  if (!data) return unauthorized(ERROR_MESSAGES.invalidToken);
  const method = req.method ?? "GET";
  const write = matchPlatformWrite(pathSegments(url.pathname));
  let result: ApiResult;
  if (write && method === "POST") {
    const ctx = { base, scopes: lookup.info.scopeSet, omitHidden: state.quirks.hiddenFields === "omit" };
    result = await performWrite(req, lookup.info, (body) => write.perform(data, ctx, body));
  } else if (method !== "GET" && method !== "HEAD") {
    result = methodNotAllowed(method, write ? (write.alsoGet ? "GET, POST" : "POST") : "GET");
  } else if (write && !write.alsoGet) {
    result = methodNotAllowed(method, "POST");
  } else {
    result = handleGet({ url, base, token: lookup.info, data, quirks: state.quirks });
  }
  return serialize(result, state);
}

/** Scope check, then the JSON body (400 unparseable, 413 too large), then the write itself. */
async function performWrite(req: IncomingMessage, token: TokenInfo, perform: (body: unknown) => ApiResult): Promise<ApiResult> {
  const denied = missingScopes(token, ["platform"]);
  if (denied) return denied;
  let body: unknown;
  try {
    body = await readJsonBody(req, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyError) return { kind: "error", status: error.status, message: error.message };
    throw error;
  }
  return perform(body);
}

function serialize(result: ApiResult, state: SimState): HttpResponse {
  if (result.kind === "error") {
    return jsonResponse(result.status, errorEnvelope(result.status, result.message), result.headers);
  }
  if (result.kind === "detail") {
    const status = result.status ?? 200;
    return jsonResponse(status, { ...detailEnvelope(result.data), status });
  }
  const fault = state.faults.onListPage();
  if (fault.malformed) corruptOneRecord(result.records);
  const body = JSON.stringify(listEnvelope(result.records, result.nextUrl, result.url));
  // Any proper prefix of a JSON object is invalid JSON, and Content-Length matches it.
  if (fault.truncate) return { status: 200, body: body.slice(0, Math.max(1, Math.floor(body.length / 2))) };
  return { status: 200, body };
}

/**
 * Malformed-record fault: the middle record of the page gets an object where
 * a string belongs (first_name, else name, else value, else hire_date).
 */
function corruptOneRecord(records: Record<string, unknown>[]): void {
  const record = records[Math.floor(records.length / 2)];
  if (!record) return;
  const field = ["first_name", "name", "value", "hire_date"].find((key) => key in record) ?? "id";
  record[field] = { unexpected: true, was: record[field] ?? null };
}
