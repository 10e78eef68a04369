import { badRequest, json, notFound } from "../http/api-result";
import { byPosition, paginate } from "../http/pagination";
import type { Route } from "../http/router";
import type { Opportunity, Requisition } from "../model";
import { type ApiContext, canSee, multi } from "./api-context";

const SCOPE = "requisitions:read:admin";

/**
 * A requisition as served: the stored one plus what follows from the candidates, hires and
 * offers on its postings, counted when read so hires made while running show up.
 */
function present(ctx: ApiContext, requisition: Requisition) {
  const onPostings = (o: Opportunity) => requisition.postings.includes(ctx.store.postingOf(o)?.id ?? "");
  const candidates = ctx.store.opportunities.filter(onPostings);
  const offerIds = candidates.flatMap((o) =>
    (ctx.store.offers.get(o.id) ?? []).filter((f) => f.status !== "draft").map((f) => f.id),
  );
  return {
    ...requisition,
    headcountHired: candidates.filter((o) => ctx.store.isHired(o)).length,
    offerIds,
  };
}

function requisitionFilter(ctx: ApiContext, url: URL): (r: Requisition) => boolean {
  const codes = multi(url, "requisition_code");
  const statuses = multi(url, "status");
  const confidentiality = url.searchParams.get("confidentiality") ?? "non-confidential";
  if (!["confidential", "non-confidential", "all"].includes(confidentiality)) {
    throw badRequest("confidentiality must be confidential, non-confidential or all");
  }
  return (r) =>
    canSee(ctx, r) &&
    (confidentiality === "all" || r.confidentiality === confidentiality) &&
    (codes.length === 0 || codes.includes(r.requisitionCode)) &&
    (statuses.length === 0 || statuses.includes(r.status));
}

/** Requisitions (reference §3). */
export const requisitionRoutes: Route<ApiContext>[] = [
  {
    method: "GET",
    path: "/v1/requisitions",
    scope: SCOPE,
    handle: ({ ctx, url }) => {
      const all = ctx.store.requisitions;
      return paginate(all.filter(requisitionFilter(ctx, url)), url, byPosition(all), (r) => present(ctx, r));
    },
  },
  {
    method: "GET",
    path: "/v1/requisitions/:id",
    scope: SCOPE,
    handle: ({ ctx, params }) => {
      const requisition = ctx.store.requisition(params.id ?? "");
      if (!requisition || !canSee(ctx, requisition)) throw notFound("requisitions", params.id ?? "");
      return json({ data: present(ctx, requisition) });
    },
  },
];
