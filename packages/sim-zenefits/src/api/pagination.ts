import { canonicalId, indexAfter, indexAtOrAfter, isNumericId } from "../store/sorted";

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

/** Parameters that take one value: the last copy wins, and next_url carries exactly one. */
const SINGLE_VALUED = new Set(["limit", "includes", "starting_after", "ending_before"]);
const CURSORS = new Set(["starting_after", "ending_before"]);

export interface PageRequest {
  limit: number;
  startingAfter: string | null;
  endingBefore: string | null;
}

export type Cursor = { param: "starting_after" | "ending_before"; id: string };

/**
 * A query parameter read as Django's `QueryDict.get` reads it: with repeated
 * copies (`limit=100&limit=100`), the last one wins.
 */
export function lastParam(params: URLSearchParams, name: string): string | null {
  const all = params.getAll(name);
  return all.length === 0 ? null : (all[all.length - 1] as string);
}

/**
 * The page size as Django REST framework's `_positive_int(strict=True, cutoff=100)` reads it:
 * anything that is not a positive integer (`abc`, `0`, `-5`, empty) means the default,
 * and larger values are cut to the maximum.
 */
export function parseLimit(raw: string | null): number {
  if (raw === null || !/^\s*[+-]?\d+\s*$/.test(raw)) return DEFAULT_LIMIT;
  const value = Number.parseInt(raw, 10);
  return value <= 0 ? DEFAULT_LIMIT : Math.min(MAX_LIMIT, value);
}

/** Parses limit / starting_after / ending_before; returns an error message for bad input. */
export function parsePageRequest(params: URLSearchParams): PageRequest | { error: string } {
  const rawLimit = lastParam(params, "limit");
  const startingAfter = lastParam(params, "starting_after");
  const endingBefore = lastParam(params, "ending_before");
  if (startingAfter !== null && endingBefore !== null) {
    return { error: "Use only one of starting_after and ending_before." };
  }
  for (const [name, value] of [
    ["starting_after", startingAfter],
    ["ending_before", endingBefore],
  ] as const) {
    if (value !== null && !isNumericId(value)) return { error: `${name} must be an object id (digits).` };
  }
  return {
    limit: parseLimit(rawLimit),
    startingAfter: startingAfter === null ? null : canonicalId(startingAfter),
    endingBefore: endingBefore === null ? null : canonicalId(endingBefore),
  };
}

/**
 * Cursor paging over an id-sorted array. The cursor id need not exist any
 * more (deleted between pages): paging resumes at the next greater id.
 * Backward pages (`ending_before`) are still returned in ascending order and
 * their next cursor keeps walking backwards.
 */
export function slicePage<T extends { id: string }>(
  items: readonly T[],
  request: PageRequest,
): { page: T[]; next: Cursor | null } {
  if (request.endingBefore !== null) {
    const end = indexAtOrAfter(items, request.endingBefore);
    const start = Math.max(0, end - request.limit);
    const page = items.slice(start, end);
    const first = page[0];
    return { page, next: start > 0 && first ? { param: "ending_before", id: first.id } : null };
  }
  const start = request.startingAfter === null ? 0 : indexAfter(items, request.startingAfter);
  const end = Math.min(items.length, start + request.limit);
  const page = items.slice(start, end);
  const last = page[page.length - 1];
  return { page, next: end < items.length && last ? { param: "starting_after", id: last.id } : null };
}

/**
 * Absolute next_url on the simulator's host: the same path and query with the
 * cursor replaced. Single-valued parameters appear once, where the client first
 * put them: `limit` as the limit used (only if the client sent one, as the
 * reference's examples do), `includes` as its last copy. Other parameters
 * (filters the simulator ignores) are kept as sent.
 */
export function buildNextUrl(
  base: string,
  pathname: string,
  params: URLSearchParams,
  request: PageRequest,
  cursor: Cursor,
): string {
  const next = new URLSearchParams();
  const written = new Set<string>();
  for (const [key, value] of params) {
    if (!SINGLE_VALUED.has(key)) {
      next.append(key, value);
      continue;
    }
    if (written.has(key) || CURSORS.has(key)) continue;
    written.add(key);
    next.append(key, key === "limit" ? String(request.limit) : (lastParam(params, key) as string));
  }
  next.append(cursor.param, cursor.id);
  return `${base}${pathname}?${next.toString()}`;
}
