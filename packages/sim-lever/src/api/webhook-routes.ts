import { z } from "zod";
import { json, notFound } from "../http/api-result";
import { parseBody } from "../http/parse-body";
import type { Route } from "../http/router";
import { LEVER_EVENTS } from "../webhooks/payload";
import type { WebhookTarget } from "../webhooks/registry";
import type { ApiContext } from "./api-context";

const origins = z.array(z.enum(["agency", "applied", "internal", "referred", "sourced", "university"]));
const configuration = z.object({ conditions: z.object({ origins }).optional() }).optional();
const createBody = z.object({ url: z.url(), event: z.enum(LEVER_EVENTS), configuration });
const updateBody = z.object({ data: z.array(z.object({ id: z.string(), url: z.url(), configuration })) });

function present(t: WebhookTarget) {
  return {
    id: t.id,
    url: t.url,
    event: t.events[0],
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    configuration: { conditions: { origins: t.origins } },
  };
}

/** API-managed webhooks (reference §5 Webhooks API), including the documented doubly nested create. */
export const webhookRoutes: Route<ApiContext>[] = [
  {
    method: "GET",
    path: "/v1/webhooks",
    scope: "webhooks:read:admin",
    handle: ({ ctx }) => json({ data: ctx.webhooks.listApiTargets().map(present), hasNext: false }),
  },
  {
    method: "POST",
    path: "/v1/webhooks",
    scope: "webhooks:write:admin",
    handle: ({ ctx, body }) => {
      const input = parseBody(createBody, body);
      const t = ctx.webhooks.createApiTarget(input.url, input.event, input.configuration?.conditions?.origins ?? []);
      const data = {
        id: t.id,
        event: input.event,
        url: t.url,
        configuration: { signatureToken: ctx.webhooks.signatureToken, conditions: { origins: t.origins } },
        createdAt: t.createdAt,
        updatedAt: t.updatedAt,
      };
      return json({ data: { data } }, 201);
    },
  },
  {
    method: "PUT",
    path: "/v1/webhooks",
    scope: "webhooks:write:admin",
    handle: ({ ctx, body }) => {
      const input = parseBody(updateBody, body);
      const updated = input.data.map((w) => {
        const t = ctx.webhooks.updateApiTarget(w.id, w.url, w.configuration?.conditions?.origins);
        if (!t) throw notFound("webhooks", w.id);
        return present(t);
      });
      return json({ data: updated });
    },
  },
  {
    method: "DELETE",
    path: "/v1/webhooks/:id",
    scope: "webhooks:write:admin",
    handle: ({ ctx, params }) => {
      if (!ctx.webhooks.deleteApiTarget(params.id ?? "")) throw notFound("webhooks", params.id ?? "");
      return { kind: "empty", status: 204 };
    },
  },
];
