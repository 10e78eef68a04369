import { json } from "../http/api-result";
import { parseBody } from "../http/parse-body";
import type { Route } from "../http/router";
import type { LeverSim } from "../sim-types";
import { apiKeyBody, faultsBody, mutateBody, rateLimitBody, stageBody, webhookBody } from "./admin-schemas";
import { editRoutes } from "./edit-routes";

const ok = { kind: "empty", status: 204 } as const;

/** Loopback control surface: a thin HTTP veneer over the programmatic LeverSim API. No auth. */
export const adminRoutes: Route<LeverSim>[] = [
  {
    method: "GET",
    path: "/__admin",
    handle: ({ ctx }) =>
      json({
        url: ctx.url,
        apiKey: ctx.apiKey,
        seed: ctx.seed,
        ids: ctx.ids,
        endpoints: adminRoutes.map((r) => `${r.method} ${r.path}`),
      }),
  },
  {
    method: "POST",
    path: "/__admin/opportunities/:id/hire",
    handle: async ({ ctx, params }) => json(await ctx.hire(params.id ?? "")),
  },
  {
    method: "POST",
    path: "/__admin/opportunities/:id/offer",
    handle: async ({ ctx, params }) => {
      await ctx.moveToOffer(params.id ?? "");
      return ok;
    },
  },
  {
    method: "POST",
    path: "/__admin/opportunities/:id/stage",
    handle: async ({ ctx, params, body }) => {
      await ctx.moveToStage(params.id ?? "", parseBody(stageBody, body).stageId);
      return ok;
    },
  },
  { method: "POST", path: "/__admin/mutate", handle: ({ ctx, body }) => json(ctx.mutate(parseBody(mutateBody, body))) },
  ...editRoutes,
  { method: "GET", path: "/__admin/webhook", handle: ({ ctx }) => json({ webhook: ctx.webhookConfig() }) },
  {
    method: "PUT",
    path: "/__admin/webhook",
    handle: ({ ctx, body }) => {
      ctx.setWebhook(parseBody(webhookBody, body));
      return json({ webhook: ctx.webhookConfig() });
    },
  },
  {
    method: "DELETE",
    path: "/__admin/webhook",
    handle: ({ ctx }) => {
      ctx.setWebhook(null);
      return ok;
    },
  },
  { method: "GET", path: "/__admin/webhook/log", handle: ({ ctx }) => json({ deliveries: ctx.webhookLog() }) },
  { method: "POST", path: "/__admin/webhook/replay", handle: async ({ ctx }) => json({ status: await ctx.replayLastWebhook() }) },
  { method: "POST", path: "/__admin/webhook/forged", handle: async ({ ctx }) => json({ status: await ctx.sendForgedWebhook() }) },
  { method: "POST", path: "/__admin/webhook/verify", handle: async ({ ctx }) => json({ status: await ctx.verifyWebhook() }) },
  { method: "GET", path: "/__admin/faults", handle: ({ ctx }) => json({ faults: ctx.faults() }) },
  {
    method: "PUT",
    path: "/__admin/faults",
    handle: ({ ctx, body }) => {
      ctx.setFaults(parseBody(faultsBody, body));
      return json({ faults: ctx.faults() });
    },
  },
  {
    method: "DELETE",
    path: "/__admin/faults",
    handle: ({ ctx }) => {
      ctx.clearFaults();
      return ok;
    },
  },
  {
    method: "PUT",
    path: "/__admin/rate-limit",
    handle: ({ ctx, body }) => {
      ctx.setRateLimit(parseBody(rateLimitBody, body));
      return ok;
    },
  },
  {
    method: "POST",
    path: "/__admin/api-keys",
    handle: ({ ctx, body }) => json({ apiKey: ctx.createApiKey(parseBody(apiKeyBody, body)) }, 201),
  },
  {
    method: "DELETE",
    path: "/__admin/api-keys/:key",
    handle: ({ ctx, params }) => {
      ctx.revokeApiKey(params.key ?? "");
      return ok;
    },
  },
  { method: "GET", path: "/__admin/requests", handle: ({ ctx }) => json(ctx.requestLog()) },
  {
    method: "DELETE",
    path: "/__admin/requests",
    handle: ({ ctx }) => {
      ctx.clearRequestLog();
      return ok;
    },
  },
  { method: "GET", path: "/__admin/truth", handle: ({ ctx }) => json(ctx.truth()) },
  {
    method: "GET",
    path: "/__admin/stages/:stageId/opportunities",
    handle: ({ ctx, params }) => json({ ids: ctx.opportunityIdsInStage(params.stageId ?? "") }),
  },
  {
    method: "POST",
    path: "/__admin/reset",
    handle: ({ ctx }) => {
      ctx.reset();
      return ok;
    },
  },
];
