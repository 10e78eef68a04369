import { type ApiResult, notFound } from "../http/api-result";
import { byCreatedAt, byPosition, paginate } from "../http/pagination";
import type { Route, RouteRequest } from "../http/router";
import { type ApiContext, shape, visibleOpportunity } from "./api-context";
import { opportunityExpanders } from "./expanders";
import { epochRange, opportunityFilter } from "./opportunity-filters";

const READ = "opportunities:read:admin";

function listOpportunities({ ctx, url }: RouteRequest<ApiContext>): ApiResult {
  const keep = opportunityFilter(ctx, url);
  const expanders = opportunityExpanders(ctx.store);
  return paginate(ctx.store.opportunities.filter(keep), url, byCreatedAt, (o) => shape(o, url, expanders));
}

function oneOpportunity({ ctx, url, params }: RouteRequest<ApiContext>): ApiResult {
  const o = visibleOpportunity(ctx, params.id ?? "");
  return { kind: "json", status: 200, body: { data: shape(o, url, opportunityExpanders(ctx.store)) } };
}

export const opportunityRoutes: Route<ApiContext>[] = [
  {
    method: "GET",
    path: "/v1/opportunities",
    scope: READ,
    handle: (request) => listOpportunities(request),
  },
  {
    // Candidacies deleted while running (mutate remove), oldest first; `deleted_at_start/_end` filter.
    method: "GET",
    path: "/v1/opportunities/deleted",
    scope: READ,
    handle: ({ ctx, url }) => {
      const all = ctx.store.deletedOpportunities;
      const within = epochRange(url, "deleted_at");
      return paginate(
        all.filter((d) => within(d.deletedAt)),
        url,
        byPosition(all),
      );
    },
  },
  {
    method: "GET",
    path: "/v1/opportunities/:id",
    scope: READ,
    handle: (request) => oneOpportunity(request),
  },
  // The deprecated /candidates mirrors (candidateId == opportunityId), for clients written before
  // opportunities existed; the per-candidate sub-resources are not mirrored.
  { method: "GET", path: "/v1/candidates", scope: READ, handle: (request) => listOpportunities(request) },
  { method: "GET", path: "/v1/candidates/:id", scope: READ, handle: (request) => oneOpportunity(request) },
  {
    method: "GET",
    path: "/v1/contacts/:id",
    scope: "contact:read:admin",
    handle: ({ ctx, params }) => {
      const contact = ctx.store.contacts.get(params.id ?? "");
      if (!contact) throw notFound("contacts", params.id ?? "");
      return { kind: "json", status: 200, body: { data: contact } };
    },
  },
];
