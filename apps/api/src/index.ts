export { SESSION_COOKIE } from "./auth/cookies";
export {
  type AccessLevel,
  accessAllowed,
  membershipSatisfies,
  type ProcedurePath,
  permissions,
} from "./auth/permissions";
export { type ApiDeps, type ConnectionOptions, type Context, createContext } from "./context";
export { enqueueEmail, type OutgoingEmail } from "./email/outbox";
export { checkHealth, type HealthReport } from "./health";
export { type AppRouter, appRouter } from "./root";
export * from "./schemas/index";
export { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "./seed-demo";
export { type ServeApiOptions, serveApi } from "./serve";
export { createApiServer } from "./server";
export { exitOnStartFailure } from "./start-failure";
export {
  access,
  authedProcedure,
  createCallerFactory,
  orgProcedure,
  publicProcedure,
  requireRole,
  requireSensitive,
  router,
} from "./trpc";
export { type WebhookHandler, webhookHandlerFor, webhookProviders } from "./webhooks/index";
