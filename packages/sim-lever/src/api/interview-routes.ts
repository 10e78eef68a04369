import type { Route } from "../http/router";
import type { ApiContext } from "./api-context";
import { subResourceRoutes } from "./sub-resources";

export const interviewRoutes: Route<ApiContext>[] = [
  ...subResourceRoutes({ segment: "interviews", scope: "interviews:read:admin", collection: (ctx) => ctx.store.interviews }),
  ...subResourceRoutes({ segment: "panels", scope: "panels:read:admin", collection: (ctx) => ctx.store.panels }),
  ...subResourceRoutes({ segment: "feedback", scope: "feedback:read:admin", collection: (ctx) => ctx.store.feedback }),
];
