import { notFound } from "../http/api-result";
import { byCreatedAt, paginate } from "../http/pagination";
import type { Route } from "../http/router";
import { type ApiContext, shape, visibleOpportunity } from "./api-context";
import { opportunityExpanders } from "./expanders";
import { opportunityFilter } from "./opportunity-filters";

const READ = "opportunities:read:admin";

export const opportunityRoutes: Route<ApiContext>[] = [
  {
    method: "GET",
    path: "/v1/opportunities",
    scope: READ,
    handle: ({ ctx, url }) => {
      const keep = opportunityFilter(ctx, url);
      const expanders = opportunityExpanders(ctx.store);
      return paginate(ctx.store.opportunities.filter(keep), url, byCreatedAt, (o) => shape(o, url, expanders));
    },
  },
  {
    // The simulator never deletes candidates, so this list is always empty (README).
    method: "GET",
    path: "/v1/opportunities/deleted",
    scope: READ,
    handle: ({ url }) => paginate([], url, byCreatedAt),
  },
  {
    method: "GET",
    path: "/v1/opportunities/:id",
    scope: READ,
    handle: ({ ctx, url, params }) => {
      const o = visibleOpportunity(ctx, params.id ?? "");
      return { kind: "json", status: 200, body: { data: shape(o, url, opportunityExpanders(ctx.store)) } };
    },
  },
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
