import { canonicalId, indexAfter, indexAtOrAfter, isNumericId } from "../store/sorted";

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

export interface PageRequest {
  limit: number;
  startingAfter: string | null;
  endingBefore: string | null;
}

export type Cursor = { param: "starting_after" | "ending_before"; id: string };

/** Parses limit / starting_after / ending_before; returns an error message for bad input. */
export function parsePageRequest(params: URLSearchParams): PageRequest | { error: string } {
  const rawLimit = params.get("limit");
  const parsed = rawLimit === null ? Number.NaN : Number.parseInt(rawLimit, 10);
  // Missing or non-numeric: the default; anything else is clamped into [1, 100].
  const limit = Number.isNaN(parsed) ? DEFAULT_LIMIT : Math.min(MAX_LIMIT, Math.max(1, parsed));
  const startingAfter = params.get("starting_after");
  const endingBefore = params.get("ending_before");
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
    limit,
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
 * Absolute next_url on the simulator's host: the same path and query (limit
 * only if the client sent it, includes, ...) with the cursor replaced.
 */
export function buildNextUrl(base: string, pathname: string, params: URLSearchParams, cursor: Cursor): string {
  const next = new URLSearchParams();
  for (const [key, value] of params) {
    if (key !== "starting_after" && key !== "ending_before") next.append(key, value);
  }
  next.append(cursor.param, cursor.id);
  return `${base}${pathname}?${next.toString()}`;
}
