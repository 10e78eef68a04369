import { type ApiResult, badRequest } from "./api-result";

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 100;

/** How a list orders itself: a numeric key (usually createdAt) with the id as tie-breaker. */
export interface ListOrder<T> {
  key(item: T): number;
  id(item: T): string;
}

/**
 * Offset tokens mimic Lever's shape `0.<sortKey>.<id>` (reference §2 Pagination). The token names
 * the last record served, so a page resumes after it even if records were added meanwhile.
 */
function parseOffset(offset: string): { key: number; id: string } {
  const m = /^0\.(\d+)\.([A-Za-z0-9-]+)$/.exec(offset);
  if (!m) throw badRequest(`Invalid offset token: ${offset}`);
  return { key: Number(m[1]), id: m[2] ?? "" };
}

export function parseLimit(url: URL): number {
  const raw = url.searchParams.get("limit");
  if (raw === null || raw === "") return DEFAULT_LIMIT;
  const limit = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw badRequest(`limit must be an integer from 1 to ${MAX_LIMIT}, got ${raw}`);
  }
  return limit;
}

/** One `{data, next, hasNext}` page of `items` (already filtered and in list order). */
export function paginate<T>(
  items: readonly T[],
  url: URL,
  order: ListOrder<T>,
  present: (item: T) => unknown = (i) => i,
): ApiResult {
  const limit = parseLimit(url);
  const offset = url.searchParams.get("offset");
  let start = 0;
  if (offset) {
    const after = parseOffset(offset);
    start = items.findIndex((item) => {
      const key = order.key(item);
      return key > after.key || (key === after.key && order.id(item) > after.id);
    });
    if (start < 0) start = items.length;
  }
  const page = items.slice(start, start + limit);
  const hasNext = start + limit < items.length;
  const last = page.at(-1);
  const body: { data: unknown[]; next?: string; hasNext: boolean } = { data: page.map(present), hasNext };
  if (hasNext && last) body.next = `0.${order.key(last)}.${order.id(last)}`;
  return { kind: "json", status: 200, body, listPage: true };
}

/** Only for lists kept in createdAt order (opportunities are appended chronologically). */
export const byCreatedAt: ListOrder<{ id: string; createdAt: number }> = {
  key: (item) => item.createdAt,
  id: (item) => item.id,
};

/** Orders by position in an append-only list, for collections whose timestamps are not monotonic. */
export function byPosition<T extends { id: string }>(list: readonly T[]): ListOrder<T> {
  const position = new Map(list.map((item, index) => [item, index] as const));
  return { key: (item) => position.get(item) ?? 0, id: (item) => item.id };
}
