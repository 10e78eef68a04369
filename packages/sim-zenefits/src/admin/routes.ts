import type { IncomingMessage } from "node:http";
import type { z } from "zod";
import { BodyError, readJsonBody } from "../http/body";
import { type HttpResponse, jsonResponse } from "../http/respond";
import type { SimState } from "../state";
import { applyMutations } from "../store/mutations";
import { buildTruth, truthCounts } from "../truth";
import { ZENEFITS_ADMIN_ROUTES } from "./admin-index";
import { createTokenSchema, faultsSchema, mutateSchema, quirksSchema, tokenScopesSchema } from "./schemas";

/**
 * Loopback-only control surface under /__admin/ (no auth): tokens, faults,
 * mutations, reset, request log, truth. Never subject to faults or logging.
 */
const MAX_TRUTH_RECORDS_PEOPLE = 10_000;

const adminError = (status: number, message: string, extra: object = {}) =>
  jsonResponse(status, { ok: false, error: message, ...extra });

async function parseBody<T extends z.ZodType>(req: IncomingMessage, schema: T): Promise<z.infer<T> | HttpResponse> {
  let body: unknown;
  try {
    body = await readJsonBody(req, 1024 * 1024);
  } catch (error) {
    if (error instanceof BodyError) return adminError(error.status, error.message);
    throw error;
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) return adminError(400, "Invalid body", { issues: parsed.error.issues });
  return parsed.data;
}

const isResponse = (value: unknown): value is HttpResponse =>
  typeof value === "object" && value !== null && "status" in value && "body" in value;

function companiesSummary(state: SimState) {
  return state.dataset.companies.map((data) => ({
    id: data.company.id,
    name: data.company.name,
    clientSecret: data.clientSecret,
    people: data.people.length,
  }));
}

export async function handleAdmin(req: IncomingMessage, url: URL, state: SimState): Promise<HttpResponse> {
  const method = req.method ?? "GET";
  const parts = url.pathname
    .split("/")
    .filter((segment) => segment.length > 0)
    .slice(1);
  const route = `${method} /${parts[0] ?? ""}${parts[1] === undefined ? "" : "/:x"}${parts[2] === undefined ? "" : `/${parts[2]}`}`;
  try {
    switch (route) {
      case "GET /":
        return jsonResponse(200, {
          endpoints: ZENEFITS_ADMIN_ROUTES.map(({ route, purpose }) => `${route}: ${purpose}`),
          companies: companiesSummary(state),
        });
      case "GET /companies":
        return jsonResponse(200, { data: companiesSummary(state) });
      case "GET /tokens":
        return jsonResponse(200, {
          data: state.tokens.list().map(({ token, companyId, scopes }) => ({ token, companyId, scopes })),
        });
      case "POST /tokens": {
        const body = await parseBody(req, createTokenSchema);
        if (isResponse(body)) return body;
        const companyId = state.company(body.companyId).company.id;
        const info = state.tokens.create(companyId, body.scopes);
        return jsonResponse(201, { token: info.token, companyId: info.companyId, scopes: info.scopes });
      }
      case "PUT /tokens/:x/scopes": {
        const body = await parseBody(req, tokenScopesSchema);
        if (isResponse(body)) return body;
        const token = decodeURIComponent(parts[1] ?? "");
        if (!state.tokens.setScopes(token, body.scopes)) return adminError(404, "Unknown or revoked token");
        const info = state.tokens.lookup(token);
        return jsonResponse(200, { token, scopes: info.ok ? info.info.scopes : [] });
      }
      case "DELETE /tokens/:x":
      case "POST /tokens/:x/revoke": {
        const revoked = state.tokens.revoke(decodeURIComponent(parts[1] ?? ""));
        return revoked ? jsonResponse(200, { ok: true, revoked: true }) : adminError(404, "Unknown token");
      }
      case "GET /faults":
        return jsonResponse(200, state.faults.current);
      case "POST /faults":
      case "PUT /faults":
      case "PATCH /faults": {
        const body = await parseBody(req, faultsSchema);
        if (isResponse(body)) return body;
        return jsonResponse(200, state.faults.set(body));
      }
      case "DELETE /faults":
        state.faults.clear();
        return jsonResponse(200, state.faults.current);
      case "GET /quirks":
        return jsonResponse(200, state.quirks);
      case "PUT /quirks":
      case "PATCH /quirks": {
        const body = await parseBody(req, quirksSchema);
        if (isResponse(body)) return body;
        return jsonResponse(200, Object.assign(state.quirks, body));
      }
      case "POST /mutate": {
        const body = await parseBody(req, mutateSchema);
        if (isResponse(body)) return body;
        const { companyId, ...request } = body;
        return jsonResponse(200, applyMutations(state.dataset, state.company(companyId), request));
      }
      case "POST /reset":
        state.reset();
        return jsonResponse(200, { ok: true });
      case "GET /requests":
        return jsonResponse(200, state.log.snapshot());
      case "DELETE /requests":
        state.log.clear();
        return jsonResponse(200, { ok: true });
      case "GET /truth":
        return truthResponse(url, state);
      case "GET /ats/:x":
        if (parts[1] !== "candidates") break;
        return jsonResponse(200, {
          data: state.ats.list(state.company(url.searchParams.get("companyId") ?? undefined).company.id),
        });
    }
  } catch (error) {
    return adminError(400, error instanceof Error ? error.message : String(error));
  }
  return adminError(404, `No admin route ${method} ${url.pathname}`);
}

function truthResponse(url: URL, state: SimState): HttpResponse {
  const data = state.company(url.searchParams.get("companyId") ?? undefined);
  const counts = truthCounts(data);
  if (url.searchParams.get("records") !== "true") return jsonResponse(200, { counts });
  if (data.people.length > MAX_TRUTH_RECORDS_PEOPLE) {
    return adminError(413, `Full records only for seeds up to ${MAX_TRUTH_RECORDS_PEOPLE} people; use counts or sim.truth()`);
  }
  return jsonResponse(200, { counts, records: buildTruth(data, state.url) });
}
