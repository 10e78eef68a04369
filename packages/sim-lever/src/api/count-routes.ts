import { byPosition, paginate } from "../http/pagination";
import type { Route } from "../http/router";
import type { Opportunity } from "../model";
import { type ApiContext, canSee } from "./api-context";

/** Text and count of each value, most used first (then alphabetical), over the visible opportunities. */
function countValues(ctx: ApiContext, valuesOf: (o: Opportunity) => readonly string[]) {
  const counts = new Map<string, number>();
  for (const o of ctx.store.opportunities) {
    if (!canSee(ctx, o)) continue;
    for (const text of valuesOf(o)) counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return [...counts]
    .map(([text, count]) => ({ text, count }))
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text))
    .map((item, index) => ({ id: String(index), ...item }));
}

/** Lists of tag or source counts; Lever's items have no id, so the text keys the page order. */
function countRoute(path: string, scope: string, valuesOf: (o: Opportunity) => readonly string[]): Route<ApiContext> {
  return {
    method: "GET",
    path,
    scope,
    handle: ({ ctx, url }) => {
      const items = countValues(ctx, valuesOf);
      return paginate(items, url, byPosition(items), ({ text, count }) => ({ text, count }));
    },
  };
}

/** The tag and source lists read-only clients read (Lever's names for their permissions). */
export const countRoutes: Route<ApiContext>[] = [
  countRoute("/v1/tags", "tags:read:admin", (o) => o.tags),
  countRoute("/v1/sources", "sources:read:admin", (o) => o.sources),
];
