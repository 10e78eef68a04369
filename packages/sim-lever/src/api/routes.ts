import { createRouter, type Route } from "../http/router";
import type { ApiContext } from "./api-context";
import { candidacyRoutes } from "./candidacy-routes";
import { countRoutes } from "./count-routes";
import { directoryRoutes } from "./directory-routes";
import { documentRoutes } from "./document-routes";
import { driverRoutes } from "./driver-routes";
import { interviewRoutes } from "./interview-routes";
import { opportunityRoutes } from "./opportunity-routes";
import { requisitionRoutes } from "./requisition-routes";
import { webhookRoutes } from "./webhook-routes";

/** Every /v1 route; the one list of what the simulated API serves. */
export const API_ROUTES: readonly Route<ApiContext>[] = [
  ...opportunityRoutes,
  ...documentRoutes,
  ...interviewRoutes,
  ...candidacyRoutes,
  ...driverRoutes,
  ...directoryRoutes,
  ...requisitionRoutes,
  ...countRoutes,
  ...webhookRoutes,
];

export const apiRouter = createRouter(API_ROUTES);
