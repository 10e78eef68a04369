import { createRouter } from "../http/router";
import type { ApiContext } from "./api-context";
import { directoryRoutes } from "./directory-routes";
import { documentRoutes } from "./document-routes";
import { driverRoutes } from "./driver-routes";
import { interviewRoutes } from "./interview-routes";
import { opportunityRoutes } from "./opportunity-routes";
import { webhookRoutes } from "./webhook-routes";

/** Every /v1 route; the one list of what the simulated API serves. */
export const apiRouter = createRouter<ApiContext>([
  ...opportunityRoutes,
  ...documentRoutes,
  ...interviewRoutes,
  ...driverRoutes,
  ...directoryRoutes,
  ...webhookRoutes,
]);
