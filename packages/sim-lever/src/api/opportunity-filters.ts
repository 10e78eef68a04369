import { badRequest } from "../http/api-result";
import type { Opportunity } from "../model";
import { type ApiContext, multi } from "./api-context";

type Predicate = (o: Opportunity) => boolean;

function timestamp(url: URL, name: string): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === "") return undefined;
  if (!/^\d+$/.test(raw)) throw badRequest(`${name} must be a timestamp in epoch milliseconds, got ${raw}`);
  return Number(raw);
}

/** Inclusive [start, end] on one timestamp field; records without the field never match. */
function range(url: URL, param: string, read: (o: Opportunity) => number | null | undefined): Predicate[] {
  const start = timestamp(url, `${param}_start`);
  const end = timestamp(url, `${param}_end`);
  const preds: Predicate[] = [];
  if (start !== undefined) preds.push((o) => (read(o) ?? -Infinity) >= start);
  if (end !== undefined) preds.push((o) => (read(o) ?? Infinity) <= end);
  return preds;
}

/** `<param>_start` / `<param>_end` as one inclusive check on a timestamp (400 for a malformed one). */
export function epochRange(url: URL, param: string): (at: number) => boolean {
  const start = timestamp(url, `${param}_start`) ?? Number.NEGATIVE_INFINITY;
  const end = timestamp(url, `${param}_end`) ?? Number.POSITIVE_INFINITY;
  return (at) => at >= start && at <= end;
}

/** Union of repeated values for one multi-valued filter (reference §3). */
function anyOf(url: URL, param: string, read: (o: Opportunity) => readonly (string | null)[]): Predicate[] {
  const wanted = multi(url, param);
  if (wanted.length === 0) return [];
  return [(o) => read(o).some((v) => v !== null && wanted.includes(v))];
}

/** The /opportunities list filters from the reference, combined with AND. */
export function opportunityFilter(ctx: ApiContext, url: URL): Predicate {
  const { store } = ctx;
  const confidentiality = url.searchParams.get("confidentiality") ?? "non-confidential";
  if (!["confidential", "non-confidential", "all"].includes(confidentiality)) {
    throw badRequest(`confidentiality must be confidential, non-confidential or all, got ${confidentiality}`);
  }
  const archived = url.searchParams.get("archived");
  if (archived !== null && archived !== "true" && archived !== "false") throw badRequest("archived must be true or false");
  const postingOf = (o: Opportunity) => store.postingOf(o)?.id ?? null;
  const preds: Predicate[] = [
    (o) => confidentiality === "all" || o.confidentiality === confidentiality,
    (o) => ctx.grant.confidential || o.confidentiality !== "confidential",
    ...anyOf(url, "stage_id", (o) => [o.stage]),
    ...anyOf(url, "posting_id", (o) => [postingOf(o)]),
    ...anyOf(url, "archived_posting_id", (o) => [o.archived ? postingOf(o) : null]),
    ...anyOf(url, "archive_reason_id", (o) => [o.archived?.reason ?? null]),
    ...anyOf(url, "tag", (o) => o.tags),
    ...anyOf(url, "origin", (o) => [o.origin]),
    ...anyOf(url, "source", (o) => o.sources),
    ...anyOf(url, "contact_id", (o) => [o.contact]),
    ...anyOf(url, "location", (o) => [o.location]),
    ...anyOf(url, "email", (o) => o.emails),
    ...range(url, "created_at", (o) => o.createdAt),
    ...range(url, "updated_at", (o) => o.updatedAt),
    ...range(url, "advanced_at", (o) => o.lastAdvancedAt),
    ...range(url, "archived_at", (o) => o.archived?.archivedAt),
  ];
  if (archived !== null) preds.push((o) => (o.archived !== null) === (archived === "true"));
  const snoozed = url.searchParams.get("snoozed");
  if (snoozed !== null) preds.push((o) => (o.snoozedUntil !== null && o.snoozedUntil > Date.now()) === (snoozed === "true"));
  return (o) => preds.every((p) => p(o));
}
