import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { BodyError, readJsonBody } from "../http/body";
import { type HttpResponse, jsonResponse } from "../http/respond";
import type { CompanyData } from "../store/records";
import { bearerToken } from "../tokens";
import { candidatePayloadSchema, fieldProblems } from "./schema";
import type { AtsStore } from "./store";

/**
 * Roster's invented ATS import channel (NOT part of the public Zenefits API;
 * see README "ATS import channel"). Auth is `Bearer <company client secret>`.
 */
export interface AtsContext {
  findCompany(companyId: string): CompanyData | undefined;
  store: AtsStore;
}

const MAX_BODY_BYTES = 15 * 1024 * 1024;
const DEFAULT_LIST_LIMIT = 50;
const MAX_LIST_LIMIT = 200;

const atsError = (status: number, error: string, message: string, extra: object = {}): HttpResponse =>
  jsonResponse(status, { ok: false, error, message, ...extra });

function secretMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function handleAts(req: IncomingMessage, url: URL, ctx: AtsContext): Promise<HttpResponse> {
  const segments = url.pathname.split("/").filter((segment) => segment.length > 0);
  // ["ats", "v1", "companies", companyId, action, candidateId?]
  const [, version, companies, companyId, action, candidateId, ...rest] = segments;
  if (version !== "v1" || companies !== "companies" || companyId === undefined || rest.length > 0) {
    return atsError(404, "not_found", "No such ATS endpoint.");
  }
  const company = ctx.findCompany(companyId);
  const secret = bearerToken(req.headers.authorization);
  // An unknown company and a wrong secret look the same, so ids cannot be probed.
  if (!company || secret === null || !secretMatches(secret, company.clientSecret)) {
    return atsError(401, "unauthorized", "Invalid company id or client secret.");
  }
  const method = req.method ?? "GET";
  if (action === "verify" && candidateId === undefined) {
    if (method !== "POST") return atsError(405, "method_not_allowed", "Use POST.");
    return jsonResponse(200, { ok: true, company: { id: company.company.id, name: company.company.name } });
  }
  if (action !== "candidates") return atsError(404, "not_found", "No such ATS endpoint.");
  if (candidateId !== undefined) {
    if (method !== "GET") return atsError(405, "method_not_allowed", "Use GET.");
    const candidate = ctx.store.get(company.company.id, candidateId);
    return candidate ? jsonResponse(200, candidate) : atsError(404, "not_found", "No such candidate.");
  }
  if (method === "GET") return listCandidates(url, company, ctx.store);
  if (method === "POST") return pushCandidate(req, company, ctx.store);
  return atsError(405, "method_not_allowed", "Use GET or POST.");
}

function listCandidates(url: URL, company: CompanyData, store: AtsStore): HttpResponse {
  const matches = store.search(company.company.id, url.searchParams.get("q") ?? "");
  const parsed = Number.parseInt(url.searchParams.get("limit") ?? "", 10);
  const limit = Number.isNaN(parsed) ? DEFAULT_LIST_LIMIT : Math.min(MAX_LIST_LIMIT, Math.max(1, parsed));
  return jsonResponse(200, { data: matches.slice(0, limit), total: matches.length });
}

async function pushCandidate(req: IncomingMessage, company: CompanyData, store: AtsStore): Promise<HttpResponse> {
  let body: unknown;
  try {
    body = await readJsonBody(req, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyError) return atsError(error.status, "bad_request", error.message);
    throw error;
  }
  const parsed = candidatePayloadSchema.safeParse(body);
  if (!parsed.success) {
    const fields = fieldProblems(parsed.error);
    const names = [...new Set(fields.map((f) => f.field))].join(", ");
    return atsError(400, "validation_failed", `Invalid candidate: ${names}`, { fields });
  }
  const { candidate, created } = store.upsert(company.company.id, parsed.data);
  return jsonResponse(created ? 201 : 200, { id: candidate.id, status: candidate.status, created });
}
