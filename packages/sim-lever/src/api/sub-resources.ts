import { type ApiResult, json, notFound } from "../http/api-result";
import { byPosition, paginate } from "../http/pagination";
import type { Route } from "../http/router";
import type { ByOpportunity } from "../store/store";
import { type ApiContext, visibleOpportunity } from "./api-context";

interface SubResource<T extends { id: string }> {
  /** Path segment under /v1/opportunities/:id, e.g. "resumes". */
  segment: string;
  scope: string;
  collection: (ctx: ApiContext) => ByOpportunity<T>;
  present?: (item: T, url: URL, ctx: ApiContext) => unknown;
  filter?: (url: URL) => (item: T) => boolean;
}

function find<T extends { id: string }>(ctx: ApiContext, r: SubResource<T>, opportunityId: string, id: string): T {
  const item = r
    .collection(ctx)
    .get(opportunityId)
    ?.find((x) => x.id === id);
  if (!item) throw notFound(r.segment, id);
  return item;
}

/** GET list and GET one for a per-opportunity collection, both paginated/wrapped like Lever. */
export function subResourceRoutes<T extends { id: string }>(r: SubResource<T>): Route<ApiContext>[] {
  const present = r.present ?? ((item: T) => item);
  return [
    {
      method: "GET",
      path: `/v1/opportunities/:id/${r.segment}`,
      scope: r.scope,
      handle: ({ ctx, url, params }): ApiResult => {
        const o = visibleOpportunity(ctx, params.id ?? "");
        const all = r.collection(ctx).get(o.id) ?? [];
        const items = r.filter ? all.filter(r.filter(url)) : all;
        return paginate(items, url, byPosition(all), (item) => present(item, url, ctx));
      },
    },
    {
      method: "GET",
      path: `/v1/opportunities/:id/${r.segment}/:itemId`,
      scope: r.scope,
      handle: ({ ctx, url, params }): ApiResult => {
        const o = visibleOpportunity(ctx, params.id ?? "");
        return json({ data: present(find(ctx, r, o.id, params.itemId ?? ""), url, ctx) });
      },
    },
  ];
}

/** GET .../:itemId/download answering the stored body (422 when Lever could not process the file). */
export function downloadRoute<T extends { id: string }>(
  r: SubResource<T>,
  blobKey: (item: T, url: URL) => string,
  unprocessable: (item: T) => boolean = () => false,
): Route<ApiContext> {
  return {
    method: "GET",
    path: `/v1/opportunities/:id/${r.segment}/:itemId/download`,
    scope: r.scope,
    handle: ({ ctx, url, params }): ApiResult => {
      const o = visibleOpportunity(ctx, params.id ?? "");
      const item = find(ctx, r, o.id, params.itemId ?? "");
      if (unprocessable(item)) {
        return json({ code: "UnprocessableEntity", message: `${r.segment} ${item.id} could not be processed` }, 422);
      }
      const blob = ctx.store.blobs.get(blobKey(item, url));
      if (!blob) throw notFound(`${r.segment} document`, item.id);
      return { kind: "blob", blob };
    },
  };
}

export type { SubResource };
