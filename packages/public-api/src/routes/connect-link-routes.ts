import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { requireScope } from "../auth/authenticate";
import { ConnectLinkRefusal, connectLinkUrl, createConnectLink } from "../connect-links/connect-links";
import type { PublicApiEnv } from "../context";
import { ProblemError } from "../http/problem";
import { timestamp, uuid } from "../resources/model-shape";
import { problemResponses } from "./problem-responses";

const httpsUrl = z
  .url()
  .max(2000)
  .refine((u) => /^https?:\/\//.test(u), "an http(s) URL");
const origin = z
  .string()
  .max(200)
  .regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/, "an origin: scheme, host and optional port, no path");

const connectorId = z.string().regex(/^[a-z][a-z0-9-]{0,62}$/);

const connectLinkInput = z
  .object({
    connector_id: connectorId.optional().openapi({ description: "The one HRIS to connect (or give connector_ids instead)" }),
    connector_ids: z
      .array(connectorId)
      .min(1)
      .max(20)
      .refine((ids) => new Set(ids).size === ids.length, "each connector once")
      .optional()
      .openapi({
        description:
          "A choice of HRIS: the page first shows them (names and logos from their manifests), then the chosen one's form. The link still connects one, once",
        example: ["bamboohr", "zenefits"],
      }),
    return_url: httpsUrl.openapi({
      description: "Where the page sends the admin afterwards, with ?connection_id=…&connector_id=…",
    }),
    expires_in_minutes: z
      .int()
      .min(5)
      .max(7 * 24 * 60)
      .default(60),
    allowed_origins: z
      .array(origin)
      .max(10)
      .default([])
      .openapi({ description: "Origins that may show the page in an iframe (CSP frame-ancestors); none: it cannot be framed" }),
    brand: z
      .object({
        name: z.string().trim().min(1).max(100).optional(),
        logo_url: z
          .url()
          .max(2000)
          .refine((u) => u.startsWith("https://") || u.startsWith("http://"), "an http(s) URL")
          .optional(),
        colour: z
          .string()
          .regex(/^#[0-9a-fA-F]{6}$/, "a colour as #rrggbb")
          .optional(),
      })
      .default({}),
  })
  .refine((body) => (body.connector_id === undefined) !== (body.connector_ids === undefined), {
    message: "give connector_id or connector_ids, not both",
    path: ["connector_id"],
  })
  .openapi("ConnectLinkInput");

const connectLinkSchema = z
  .object({
    id: uuid(),
    url: z.string().openapi({ description: "Open it once, before expires_at; it works without a Roster account" }),
    connector_id: z
      .string()
      .nullable()
      .openapi({ description: "The connector, when the link offers one; null when it offers a choice (connector_ids)" }),
    connector_ids: z.array(z.string()).openapi({ description: "The connectors the link offers, in the order shown" }),
    expires_at: timestamp(),
  })
  .openapi("ConnectLink");

const valid = (c: Context<PublicApiEnv>) => c.req as unknown as { valid(t: "json"): any };

/** POST /connect-links: an organisation's key, or a platform key naming the organisation. */
export function registerConnectLinkRoutes(app: OpenAPIHono<PublicApiEnv>): void {
  app.openapi(
    createRoute({
      method: "post",
      path: "/connect-links",
      operationId: "createConnectLink",
      summary: "Create a single-use link to connect an HRIS",
      description:
        "The URL opens a page, branded as given, where whoever holds the HRIS admin rights connects it to this organisation without a Roster account. " +
        "With connector_ids the page first offers a choice; a connector the link does not offer is refused. " +
        "It works once and expires; the page then returns to return_url?connection_id=…&connector_id=… (framed, it posts both to the host instead), " +
        "and subscribed endpoints get connection.created with the link's id.",
      tags: ["ConnectLink"],
      security: [{ bearerAuth: [] }],
      request: { body: { content: { "application/json": { schema: connectLinkInput } }, required: true } },
      responses: {
        201: {
          description: "Created; the URL is shown only here",
          content: { "application/json": { schema: connectLinkSchema } },
        },
        ...problemResponses,
        409: problemResponses[400],
        503: problemResponses[400],
      },
    }),
    (async (c: Context<PublicApiEnv>) => {
      const key = requireScope(c, "connections:manage");
      const { publicUrl, connections } = c.var.deps;
      if (!publicUrl || !connections) {
        throw new ProblemError(
          503,
          "unavailable",
          "This server has no PUBLIC_URL or cannot store credentials, which connect links need.",
        );
      }
      const body = valid(c).valid("json");
      const connectorIds: string[] = body.connector_ids ?? [body.connector_id];
      let created: Awaited<ReturnType<typeof createConnectLink>>;
      try {
        created = await createConnectLink(c.var.deps.db, connections.connectors, {
          organisationId: key.organisationId,
          connectorIds,
          returnUrl: body.return_url,
          allowedOrigins: body.allowed_origins,
          brand: { name: body.brand.name ?? null, logoUrl: body.brand.logo_url ?? null, colour: body.brand.colour ?? null },
          expiresInMinutes: body.expires_in_minutes,
          createdBy: { apiKeyId: key.platformKeyId ? null : key.id, platformKeyId: key.platformKeyId },
        });
      } catch (error) {
        if (!(error instanceof ConnectLinkRefusal)) throw error;
        if (error.code === "invalid_connector") {
          const parameter = body.connector_ids ? "connector_ids" : "connector_id";
          throw new ProblemError(400, "invalid_request", error.message, {
            errors: [{ parameter, message: "not an installed HRIS" }],
          });
        }
        throw new ProblemError(409, "conflict", error.message);
      }
      const { token, link } = created;
      return c.json(
        {
          id: link.id,
          url: connectLinkUrl(publicUrl, token),
          connector_id: link.connector_ids.length === 1 ? (link.connector_ids[0] ?? null) : null,
          connector_ids: link.connector_ids,
          expires_at: link.expires_at.toISOString(),
        },
        201,
      );
    }) as never,
  );
}
