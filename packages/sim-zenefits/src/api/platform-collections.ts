import { flowsOfSubscription } from "../modules/indexes";
import { modulesOf } from "../modules/modules";
import { renderApplication, renderCompanyInstall, renderFlow, renderPersonSubscription } from "../render/platform";
import type { Collection } from "./collection";

/** Partner-platform bookkeeping (reference §5), all under the `platform` scope; writes are in platform-writes.ts. */
export const PLATFORM_COLLECTIONS: readonly Collection[] = [
  {
    path: "/platform/applications",
    scope: "platform",
    items: (d) => modulesOf(d).platform.applications,
    render: renderApplication,
  },
  {
    path: "/platform/company_installs",
    scope: "platform",
    items: (d) => modulesOf(d).platform.companyInstalls,
    render: renderCompanyInstall,
  },
  {
    path: "/platform/person_subscriptions",
    scope: "platform",
    items: (d) => modulesOf(d).platform.personSubscriptions,
    render: renderPersonSubscription,
    subs: { flows: { scopes: ["platform"], items: flowsOfSubscription, render: renderFlow } },
  },
  { path: "/platform/flows", scope: "platform", items: (d) => modulesOf(d).platform.flows, render: renderFlow },
];
