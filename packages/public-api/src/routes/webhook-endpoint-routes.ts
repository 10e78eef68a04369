import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import {
  createEndpoint,
  deleteEndpoint,
  type EndpointView,
  endpointInputSchema,
  endpointUpdateSchema,
  eventDescriptions,
  eventTypes,
  getEndpoint,
  listEndpoints,
  updateEndpoint,
} from "@roster/webhooks";
import type { Context } from "hono";
import { requireScope } from "../auth/authenticate";
import type { PublicApiEnv } from "../context";
import { ProblemError } from "../http/problem";
import { timestamp, uuid } from "../resources/model-shape";
import { problemResponses } from "./problem-responses";

const eventType = z.enum(eventTypes).openapi("EventType", {
  description: Object.entries(eventDescriptions)
    .map(([type, text]) => `- \`${type}\`: ${text}`)
    .join("\n"),
});

export const webhookEndpointSchema = z
  .object({
    id: uuid(),
    url: z.string(),
    description: z.string().nullable(),
    events: z.array(eventType),
    enabled: z.boolean(),
    created_at: timestamp(),
    modified_at: timestamp(),
  })
  .openapi("WebhookEndpoint");

const createdSchema = webhookEndpointSchema
  .extend({
    secret: z.string().openapi({ description: "The signing secret (whsec_…): shown in this response only. Keep it." }),
  })
  .openapi("WebhookEndpointWithSecret");

const endpointInput = z
  .object({
    url: endpointInputSchema.shape.url,
    events: z.array(eventType).min(1),
    description: z.string().max(200).nullable().optional(),
  })
  .openapi("WebhookEndpointInput");

const endpointPatch = z
  .object({
    url: endpointInputSchema.shape.url.optional(),
    events: z.array(eventType).min(1).optional(),
    description: z.string().max(200).nullable().optional(),
    enabled: z.boolean().optional(),
  })
  .openapi("WebhookEndpointUpdate");

const toJson = (e: EndpointView) => ({
  id: e.id,
  url: e.url,
  description: e.description,
  events: e.events as (typeof eventTypes)[number][],
  enabled: e.enabled,
  created_at: e.createdAt.toISOString(),
  modified_at: e.updatedAt.toISOString(),
});

const security = [{ bearerAuth: [] }];
const tags = ["WebhookEndpoint"];
const idParam = z.object({ id: uuid() });
const scope = "webhooks:manage" as const;
const valid = (c: Context<PublicApiEnv>) => c.req as unknown as { valid(t: "json" | "param"): any };
const notFound = (id: string) => new ProblemError(404, "not_found", `No webhook endpoint ${id} in this organisation.`);

/** Webhook endpoints, the same ones Settings → Webhooks manages (webhooks:manage). */
export function registerWebhookEndpointRoutes(app: OpenAPIHono<PublicApiEnv>): void {
  const actorOf = (c: Context<PublicApiEnv>) => {
    const key = requireScope(c, scope);
    return { organisationId: key.organisationId, userId: null, apiKeyId: key.id };
  };

  app.openapi(
    createRoute({
      method: "get",
      path: "/webhook-endpoints",
      operationId: "listWebhookEndpoints",
      summary: "List webhook endpoints",
      tags,
      security,
      responses: {
        200: {
          description: "Every endpoint of the organisation",
          content: { "application/json": { schema: z.object({ data: z.array(webhookEndpointSchema), next_cursor: z.null() }) } },
        },
        ...problemResponses,
      },
    }),
    (async (c: Context<PublicApiEnv>) => {
      const actor = actorOf(c);
      const endpoints = await listEndpoints(c.var.deps.db, actor.organisationId);
      return c.json({ data: endpoints.map(toJson), next_cursor: null }, 200);
    }) as never,
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/webhook-endpoints",
      operationId: "createWebhookEndpoint",
      summary: "Register a webhook endpoint",
      description: "Deliveries are signed per the Standard Webhooks specification with the secret this returns once.",
      tags,
      security,
      request: { body: { content: { "application/json": { schema: endpointInput } }, required: true } },
      responses: {
        201: { description: "Registered", content: { "application/json": { schema: createdSchema } } },
        ...problemResponses,
        503: problemResponses[400],
      },
    }),
    (async (c: Context<PublicApiEnv>) => {
      const actor = actorOf(c);
      const key = c.var.deps.encryptionKey;
      if (!key) throw new ProblemError(503, "unavailable", "This server has no ENCRYPTION_KEY, which signing secrets need.");
      const body = valid(c).valid("json");
      const { endpoint, secret } = await createEndpoint(c.var.deps.db, key, actor, {
        url: body.url,
        events: body.events,
        description: body.description ?? null,
      });
      return c.json({ ...toJson(endpoint), secret }, 201);
    }) as never,
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/webhook-endpoints/{id}",
      operationId: "getWebhookEndpoint",
      summary: "Get a webhook endpoint",
      tags,
      security,
      request: { params: idParam },
      responses: {
        200: { description: "The endpoint", content: { "application/json": { schema: webhookEndpointSchema } } },
        ...problemResponses,
      },
    }),
    (async (c: Context<PublicApiEnv>) => {
      const actor = actorOf(c);
      const { id } = valid(c).valid("param");
      const endpoint = await getEndpoint(c.var.deps.db, actor.organisationId, id);
      if (!endpoint) throw notFound(id);
      return c.json(toJson(endpoint), 200);
    }) as never,
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/webhook-endpoints/{id}",
      operationId: "updateWebhookEndpoint",
      summary: "Change a webhook endpoint (enabled: false pauses deliveries; true resumes them)",
      tags,
      security,
      request: { params: idParam, body: { content: { "application/json": { schema: endpointPatch } }, required: true } },
      responses: {
        200: { description: "The endpoint", content: { "application/json": { schema: webhookEndpointSchema } } },
        ...problemResponses,
      },
    }),
    (async (c: Context<PublicApiEnv>) => {
      const actor = actorOf(c);
      const { id } = valid(c).valid("param");
      const endpoint = await updateEndpoint(c.var.deps.db, actor, id, endpointUpdateSchema.parse(valid(c).valid("json")));
      if (!endpoint) throw notFound(id);
      return c.json(toJson(endpoint), 200);
    }) as never,
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/webhook-endpoints/{id}",
      operationId: "deleteWebhookEndpoint",
      summary: "Remove a webhook endpoint and its delivery log",
      tags,
      security,
      request: { params: idParam },
      responses: { 204: { description: "Removed" }, ...problemResponses },
    }),
    (async (c: Context<PublicApiEnv>) => {
      const actor = actorOf(c);
      const { id } = valid(c).valid("param");
      if (!(await deleteEndpoint(c.var.deps.db, actor, id))) throw notFound(id);
      return c.body(null, 204);
    }) as never,
  );
}
