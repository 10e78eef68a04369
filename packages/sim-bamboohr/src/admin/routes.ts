import type { z } from "zod";
import { json, type SimResponse } from "../http/respond";
import type { Route } from "../http/router";
import type { BambooHrSim } from "../sim-types";
import type { SimState } from "../state";
import {
  accessBody,
  behaviourBody,
  compensationBody,
  createKeyBody,
  faultsBody,
  fieldsBody,
  jobInfoBody,
  mutateBody,
  rehireBody,
  sandboxWebhookBody,
  settingsBody,
  statusBody,
  terminateBody,
  userStatusBody,
  webhookBody,
} from "./schemas";

export interface AdminContext {
  sim: BambooHrSim;
  state: SimState;
  /** `?company=`, else the first company. */
  company: string | undefined;
  url: URL;
  parse<T extends z.ZodType>(schema: T): Promise<z.infer<T>>;
}

type AdminRoute = Route<AdminContext, SimResponse>;
const ok = () => json({ ok: true });
const SANDBOX_WEBHOOK_NAME = "Roster sandbox";
/** Truth with every record is refused above this size; counts always work. */
const MAX_TRUTH_EMPLOYEES = 10_000;

function companies(state: SimState) {
  return [...state.companies.values()].map(({ data }) => ({
    domain: data.domain,
    companyId: data.companyId,
    name: data.name,
    employees: data.employees.length,
    settings: data.settings,
    users: data.users.map(({ id, employeeId, firstName, lastName, status, access }) => ({
      id,
      employeeId,
      firstName,
      lastName,
      status,
      access,
    })),
  }));
}

/** Loopback control surface: a thin HTTP veneer over the BambooHrSim handle. No auth, no faults, not logged. */
export const ADMIN_ROUTES: readonly AdminRoute[] = [
  {
    method: "GET",
    path: "/__admin",
    handle: ({ sim }) =>
      json({
        url: sim.url,
        gatewayUrl: sim.gatewayUrl(),
        apiKey: sim.apiKey,
        restrictedApiKey: sim.restrictedApiKey,
        endpoints: ADMIN_ROUTES.map((r) => `${r.method} ${r.path}`),
      }),
  },
  { method: "GET", path: "/__admin/companies", handle: ({ state }) => json({ companies: companies(state) }) },
  {
    method: "PUT",
    path: "/__admin/settings",
    handle: async (ctx) => {
      ctx.sim.setCompanySettings(await ctx.parse(settingsBody), ctx.company);
      return ok();
    },
  },
  {
    method: "GET",
    path: "/__admin/keys",
    handle: ({ state }) => json({ keys: state.keys.list() }),
  },
  {
    method: "POST",
    path: "/__admin/keys",
    handle: async (ctx) => {
      const created = ctx.sim.createApiKey({ ...(await ctx.parse(createKeyBody)), companyDomain: ctx.company });
      return json({ ...created, companyDomain: ctx.state.company(ctx.company).data.domain }, 201);
    },
  },
  {
    method: "DELETE",
    path: "/__admin/keys/:key",
    handle: ({ state }, params) =>
      state.keys.revoke(params.key ?? "") ? ok() : json({ ok: false, error: "Unknown API key" }, 404),
  },
  {
    method: "PUT",
    path: "/__admin/users/:userId/access",
    handle: async (ctx, params) => {
      ctx.sim.setAccess(Number(params.userId), await ctx.parse(accessBody), ctx.company);
      return ok();
    },
  },
  {
    method: "PUT",
    path: "/__admin/users/:userId/status",
    handle: async (ctx, params) => {
      ctx.sim.setUserStatus(Number(params.userId), (await ctx.parse(userStatusBody)).status, ctx.company);
      return ok();
    },
  },
  {
    method: "POST",
    path: "/__admin/employees",
    handle: async (ctx) => json({ id: ctx.sim.createEmployee(await ctx.parse(fieldsBody), ctx.company) }, 201),
  },
  {
    method: "POST",
    path: "/__admin/employees/:id",
    handle: async (ctx, params) => json(ctx.sim.updateEmployee(params.id ?? "", await ctx.parse(fieldsBody), ctx.company)),
  },
  {
    method: "DELETE",
    path: "/__admin/employees/:id",
    handle: (ctx, params) => json(ctx.sim.deleteEmployee(params.id ?? "", ctx.company)),
  },
  {
    method: "POST",
    path: "/__admin/employees/:id/terminate",
    handle: async (ctx, params) => json(ctx.sim.terminateEmployee(params.id ?? "", await ctx.parse(terminateBody), ctx.company)),
  },
  {
    method: "POST",
    path: "/__admin/employees/:id/rehire",
    handle: async (ctx, params) => json(ctx.sim.rehireEmployee(params.id ?? "", await ctx.parse(rehireBody), ctx.company)),
  },
  {
    method: "POST",
    path: "/__admin/employees/:id/job-info",
    handle: async (ctx, params) => json(ctx.sim.addJobInfo(params.id ?? "", await ctx.parse(jobInfoBody), ctx.company)),
  },
  {
    method: "POST",
    path: "/__admin/employees/:id/compensation",
    handle: async (ctx, params) => json(ctx.sim.addCompensation(params.id ?? "", await ctx.parse(compensationBody), ctx.company)),
  },
  {
    method: "POST",
    path: "/__admin/employees/:id/employment-status",
    handle: async (ctx, params) => json(ctx.sim.addEmploymentStatus(params.id ?? "", await ctx.parse(statusBody), ctx.company)),
  },
  {
    method: "POST",
    path: "/__admin/mutate",
    handle: async (ctx) => json(ctx.sim.mutate({ ...(await ctx.parse(mutateBody)), companyDomain: ctx.company })),
  },
  {
    method: "GET",
    path: "/__admin/webhooks",
    handle: ({ state }) => json({ webhooks: state.webhooks.all().map(({ privateKey: _hidden, ...webhook }) => webhook) }),
  },
  {
    method: "POST",
    path: "/__admin/webhooks",
    handle: async (ctx) => json(ctx.sim.createWebhook({ ...(await ctx.parse(webhookBody)), companyDomain: ctx.company }), 201),
  },
  {
    // One webhook a sandbox re-points at will (a restarted receiver, another connection): the
    // previous one made here is replaced, so deliveries never go to two places.
    method: "PUT",
    path: "/__admin/webhook",
    handle: async (ctx) => {
      const body = await ctx.parse(sandboxWebhookBody);
      const domain = ctx.state.company(ctx.company).data.domain;
      for (const hook of ctx.state.webhooks.forCompany(domain)) {
        if (hook.name === SANDBOX_WEBHOOK_NAME) ctx.state.webhooks.delete(hook.id);
      }
      const created = ctx.sim.createWebhook({ ...body, name: SANDBOX_WEBHOOK_NAME, companyDomain: ctx.company });
      return json({ id: created.id, url: body.url });
    },
  },
  { method: "GET", path: "/__admin/webhooks/deliveries", handle: ({ sim }) => json({ deliveries: sim.webhookDeliveries() }) },
  { method: "GET", path: "/__admin/faults", handle: ({ sim }) => json(sim.faults()) },
  {
    method: "PUT",
    path: "/__admin/faults",
    handle: async (ctx) => {
      ctx.sim.setFaults(await ctx.parse(faultsBody));
      return json(ctx.sim.faults());
    },
  },
  {
    method: "DELETE",
    path: "/__admin/faults",
    handle: ({ sim }) => {
      sim.clearFaults();
      return json(sim.faults());
    },
  },
  { method: "GET", path: "/__admin/behaviour", handle: ({ sim }) => json(sim.behaviour()) },
  {
    method: "PUT",
    path: "/__admin/behaviour",
    handle: async (ctx) => {
      ctx.sim.setBehaviour(await ctx.parse(behaviourBody));
      return json(ctx.sim.behaviour());
    },
  },
  { method: "GET", path: "/__admin/requests", handle: ({ sim }) => json(sim.requestLog()) },
  {
    method: "DELETE",
    path: "/__admin/requests",
    handle: ({ sim }) => {
      sim.clearRequestLog();
      return ok();
    },
  },
  {
    method: "GET",
    path: "/__admin/truth",
    handle: ({ sim, company, url }) => {
      const counts = sim.counts(company);
      if (url.searchParams.get("records") !== "true") return json({ counts });
      if (counts.employees > MAX_TRUTH_EMPLOYEES) {
        return json({ ok: false, error: `Records only up to ${MAX_TRUTH_EMPLOYEES} employees; use counts or sim.truth()` }, 413);
      }
      return json({ counts, truth: sim.truth(company) });
    },
  },
  {
    method: "POST",
    path: "/__admin/reset",
    handle: ({ sim }) => {
      sim.reset();
      return ok();
    },
  },
];
