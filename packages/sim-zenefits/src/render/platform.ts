import type { ApplicationRecord, CompanyInstallRecord, FlowRecord, PersonSubscriptionRecord } from "../modules/records";
import { listRef, type RenderContext, refAt, refTo } from "./refs";
import type { Ref } from "./types";

/** Partner-platform shapes: the reference gives none, so these are the simulator's (README). */
export interface Application {
  id: string;
  object: "/platform/applications";
  url: string;
  name: string;
}

export interface CompanyInstall {
  id: string;
  object: "/platform/company_installs";
  url: string;
  application: Ref;
  company: Ref;
  status: string;
  fields: Record<string, unknown>;
}

export interface PersonSubscription {
  id: string;
  object: "/platform/person_subscriptions";
  url: string;
  person: Ref;
  company_install: Ref;
  status: string;
  fields: Record<string, unknown>;
  flows: Ref;
}

export interface Flow {
  id: string;
  object: "/platform/flows";
  url: string;
  person_subscription: Ref;
  fields: Record<string, unknown>;
}

export function renderApplication(application: ApplicationRecord, ctx: RenderContext): Application {
  return {
    id: application.id,
    object: "/platform/applications",
    url: `${ctx.base}/platform/applications/${application.id}`,
    name: application.name,
  };
}

export function renderCompanyInstall(install: CompanyInstallRecord, ctx: RenderContext): CompanyInstall {
  return {
    id: install.id,
    object: "/platform/company_installs",
    url: `${ctx.base}/platform/company_installs/${install.id}`,
    application: refAt(ctx, "/platform/applications", install.applicationId),
    company: refTo(ctx, "companies", install.companyId),
    status: install.status,
    fields: { ...install.fields },
  };
}

export function renderPersonSubscription(subscription: PersonSubscriptionRecord, ctx: RenderContext): PersonSubscription {
  const self = `${ctx.base}/platform/person_subscriptions/${subscription.id}`;
  return {
    id: subscription.id,
    object: "/platform/person_subscriptions",
    url: self,
    person: refTo(ctx, "people", subscription.personId),
    company_install: refAt(ctx, "/platform/company_installs", subscription.installId),
    status: subscription.status,
    fields: { ...subscription.fields },
    flows: listRef(`${self}/flows`, "/platform/flows"),
  };
}

export function renderFlow(flow: FlowRecord, ctx: RenderContext): Flow {
  return {
    id: flow.id,
    object: "/platform/flows",
    url: `${ctx.base}/platform/flows/${flow.id}`,
    person_subscription: refAt(ctx, "/platform/person_subscriptions", flow.subscriptionId),
    fields: { ...flow.fields },
  };
}
