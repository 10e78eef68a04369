import type { IncomingMessage } from "node:http";
import { type ApiResult, handleGet } from "../api/handler";
import type { SimState } from "../state";
import { bearerToken } from "../tokens";
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

/**
 * Authenticates, routes and serializes one API request (/core, /time_off, /time_attendance,
 * /payroll, /platform), applying list-page faults. Only GET and HEAD are served: the
 * documented API is read-only for HR data.
 */
export async function serveApi(req: IncomingMessage, url: URL, base: string, state: SimState): Promise<HttpResponse> {
  const token = bearerToken(req.headers.authorization);
  if (token === null) return unauthorized(ERROR_MESSAGES.noCredentials);
  const lookup = state.tokens.lookup(token);
  if (!lookup.ok) return unauthorized(lookup.reason === "revoked" ? ERROR_MESSAGES.revokedToken : ERROR_MESSAGES.invalidToken);
  const data = state.findCompany(lookup.info.companyId);
  if (!data) return unauthorized(ERROR_MESSAGES.invalidToken);
  const method = req.method ?? "GET";
  const request = { url, base, token: lookup.info, data };
  const result = method === "GET" || method === "HEAD" ? handleGet(request) : methodNotAllowed(method, "GET");
  return serialize(result, state);
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
