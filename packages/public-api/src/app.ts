import { randomBytes } from "node:crypto";
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context, Hono } from "hono";
import { Hono as HonoApp } from "hono";
import { requestId } from "hono/request-id";
import { authenticate } from "./auth/authenticate";
import { apiScopes, scopeDescriptions } from "./auth/scopes";
import { linkPageRoutes } from "./connect-links/link-page-routes";
import type { PublicApiDeps, PublicApiEnv } from "./context";
import { registerDocsPage } from "./docs/docs-page";
import { registerEventSchemas } from "./docs/event-schemas";
import { documentOrganisationHeader, registerOrganisationHeader } from "./docs/organisation-header-doc";
import { ProblemError, problemBody } from "./http/problem";
import { RateLimiter } from "./http/rate-limit";
import { PageReadAhead } from "./list/read-ahead";
import type { ListPage } from "./list/read-page";
import { resources } from "./resources/index";
import { registerConnectLinkRoutes } from "./routes/connect-link-routes";
import { registerOrganisationRoutes } from "./routes/organisation-routes";
import { registerResource } from "./routes/resource-routes";
import { registerWebhookEndpointRoutes } from "./routes/webhook-endpoint-routes";

export const API_VERSION = "1.0.0";

/** /api/v1's routes, documented from their zod schemas (the OpenAPI document is generated from these). */
function createV1(): OpenAPIHono<PublicApiEnv> {
  const v1 = new OpenAPIHono<PublicApiEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      const errors = result.error.issues.map((issue) => ({
        parameter: issue.path.join(".") || "(body)",
        message: issue.message,
      }));
      throw new ProblemError(400, "invalid_request", errors.map((e) => `${e.parameter}: ${e.message}`).join("; "), { errors });
    },
  });
  v1.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description: `An API key (rst_live_…) from Settings → API keys or \`roster api-key create\`. Scopes: ${apiScopes
      .map((s) => `\`${s}\` (${scopeDescriptions[s]})`)
      .join(", ")}.`,
  });
  registerOrganisationHeader(v1);
  v1.use("*", authenticate);
  for (const resource of resources) registerResource(v1, resource);
  registerWebhookEndpointRoutes(v1);
  registerOrganisationRoutes(v1);
  registerConnectLinkRoutes(v1);
  registerEventSchemas(v1);
  return v1;
}

function openApiDocumentOf(v1: OpenAPIHono<PublicApiEnv>) {
  const document = v1.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: "Roster API",
      version: API_VERSION,
      description:
        "The unified HRIS directory Roster keeps: employees, employments, departments, locations, custom fields, connections and sync runs, " +
        "read by cursor, and change webhooks. Errors are RFC 9457 problem details; every response carries X-Request-Id.",
    },
    servers: [{ url: "/api/v1" }],
  });
  return documentOrganisationHeader(document);
}

/** The OpenAPI 3.1 document, generated from the routes' zod schemas (no running server needed). */
export function openApiDocument() {
  return openApiDocumentOf(createV1());
}

function onError(error: Error, c: Context<PublicApiEnv>) {
  const id = c.get("requestId") ?? "unknown";
  if (error instanceof ProblemError) {
    const body = problemBody(error.status, error.type, error.detail, id, error.extra);
    return c.body(JSON.stringify(body), error.status as 400, { ...error.headers, "content-type": "application/problem+json" });
  }
  c.get("deps")?.log.error({ err: error, requestId: id, path: c.req.path }, "public API request failed");
  const body = problemBody(500, "internal", "The server failed on this request; quote its request id when reporting it.", id);
  return c.body(JSON.stringify(body), 500, { "content-type": "application/problem+json" });
}

/**
 * The public API as a Hono app: /api/v1/* (authenticated by API key), /api/v1/openapi.json
 * and /api/docs (public). apps/api mounts it in its node:http server.
 */
export function createPublicApi(deps: PublicApiDeps): Hono<PublicApiEnv> {
  const limiter = new RateLimiter(deps.rateLimitPerMinute);
  const readAhead = new PageReadAhead<ListPage>();
  const app = new HonoApp<PublicApiEnv>();
  app.use("*", requestId({ headerName: "X-Request-Id", generator: () => `req_${randomBytes(12).toString("base64url")}` }));
  app.use("*", async (c, next) => {
    c.set("deps", deps);
    c.set("limiter", limiter);
    c.set("readAhead", readAhead);
    c.header("cache-control", "no-store");
    await next();
  });
  const v1 = createV1();
  const document = JSON.stringify(openApiDocumentOf(v1));
  app.get("/api/v1/openapi.json", (c) => c.body(document, 200, { "content-type": "application/json; charset=utf-8" }));
  registerDocsPage(app as unknown as Hono);
  v1.onError(onError);
  // Before /api/v1: the connect page authenticates with its link token, not an API key.
  const linkPage = linkPageRoutes();
  linkPage.onError(onError);
  app.route("/api/connect-link", linkPage);
  app.route("/api/v1", v1);
  app.onError(onError);
  app.notFound((c) => {
    const body = problemBody(404, "not_found", `Nothing at ${c.req.path}; see /api/docs.`, c.get("requestId") ?? "unknown");
    return c.body(JSON.stringify(body), 404, { "content-type": "application/problem+json" });
  });
  return app;
}
