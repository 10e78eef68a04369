import type { PlatformData } from "./records";
import type { ModuleSeedContext } from "./seed-context";

/**
 * The partner-platform view of a token (reference §5 lists the routes, not the shapes): the
 * token belongs to one application, installed on its company, with one person subscription,
 * for the admin account that created the token, which runs one flow. POST /platform/flows/ adds more.
 */
export function seedPlatform(ctx: ModuleSeedContext): PlatformData {
  const ids = {
    application: ctx.ids("application"),
    install: ctx.ids("companyInstall"),
    subscription: ctx.ids("personSubscription"),
  };
  const application = { id: ids.application(), name: "Custom integration" };
  const install = {
    id: ids.install(),
    applicationId: application.id,
    companyId: ctx.data.company.id,
    status: "ok" as const,
    fields: {},
  };
  const subscription = {
    id: ids.subscription(),
    installId: install.id,
    personId: ctx.data.ownerPersonId,
    status: "ok" as const,
    fields: {},
  };
  const nextFlowId = ctx.ids("flow");
  const flow = { id: nextFlowId(), subscriptionId: subscription.id, fields: { name: "New hire onboarding" } };
  return {
    applications: [application],
    companyInstalls: [install],
    personSubscriptions: [subscription],
    flows: [flow],
    nextFlowId,
  };
}
