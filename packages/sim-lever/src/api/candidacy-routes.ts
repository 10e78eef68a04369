import { json, notFound } from "../http/api-result";
import { byPosition, paginate } from "../http/pagination";
import type { Route } from "../http/router";
import type { Application, Note, Referral } from "../model";
import { type ApiContext, visibleOpportunity } from "./api-context";
import { subResourceRoutes } from "./sub-resources";

/** The applications an opportunity holds (at most one in practice, reference §4). */
function applicationsOf(ctx: ApiContext, opportunityId: string): Application[] {
  const o = visibleOpportunity(ctx, opportunityId);
  return o.applications.flatMap((id) => ctx.store.applications.get(id) ?? []);
}

/**
 * Per-opportunity lists beyond the hire path: notes (reference §3), and applications and referrals,
 * which read-only clients such as Airbyte's Lever source read. Scopes are Lever's names for them.
 */
export const candidacyRoutes: Route<ApiContext>[] = [
  ...subResourceRoutes<Note>({ segment: "notes", scope: "notes:read:admin", collection: (ctx) => ctx.store.notes }),
  ...subResourceRoutes<Referral>({
    segment: "referrals",
    scope: "referrals:read:admin",
    collection: (ctx) => ctx.store.referrals,
  }),
  {
    method: "GET",
    path: "/v1/opportunities/:id/applications",
    scope: "applications:read:admin",
    handle: ({ ctx, url, params }) => {
      const items = applicationsOf(ctx, params.id ?? "");
      return paginate(items, url, byPosition(items));
    },
  },
  {
    method: "GET",
    path: "/v1/opportunities/:id/applications/:itemId",
    scope: "applications:read:admin",
    handle: ({ ctx, params }) => {
      const application = applicationsOf(ctx, params.id ?? "").find((a) => a.id === params.itemId);
      if (!application) throw notFound("applications", params.itemId ?? "");
      return json({ data: application });
    },
  },
];
