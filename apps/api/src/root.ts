import { apiKeysRouter } from "./routers/api-keys";
import { auditRouter } from "./routers/audit";
import { authRouter } from "./routers/auth";
import { chartsRouter } from "./routers/charts";
import { connectLinksRouter } from "./routers/connect-links";
import { connectionsRouter } from "./routers/connections";
import { connectorsRouter } from "./routers/connectors";
import { directoryRouter } from "./routers/directory";
import { invitesRouter } from "./routers/invites";
import { leverRouter } from "./routers/lever";
import { membersRouter } from "./routers/members";
import { organisationsRouter } from "./routers/organisations";
import { webhooksRouter } from "./routers/webhooks";
import { router } from "./trpc";

/**
 * Every area's router, one line each. A new procedure also needs its row in
 * auth/permissions.ts (the access-matrix test fails without it).
 */
export const appRouter = router({
  auth: authRouter,
  organisations: organisationsRouter,
  members: membersRouter,
  invites: invitesRouter,
  audit: auditRouter,
  connectors: connectorsRouter,
  connections: connectionsRouter,
  connectLinks: connectLinksRouter,
  directory: directoryRouter,
  charts: chartsRouter,
  lever: leverRouter,
  apiKeys: apiKeysRouter,
  webhooks: webhooksRouter,
});

export type AppRouter = typeof appRouter;
