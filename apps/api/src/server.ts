import http from "node:http";
import { createHttpMetrics, type Registry, serveMetrics } from "@roster/metrics";
import { connectPageFrameAncestors, publicApiListener } from "@roster/public-api";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { connectionDeps } from "./connections/connection-deps";
import { type ApiDeps, createContext } from "./context";
import type { DashboardHandler } from "./dashboard";
import { servePeopleExport } from "./directory/people-export";
import { checkHealth, checkReadiness } from "./health";
import { sendJson } from "./http-json";
import { routeLabel } from "./metrics/route-label";
import { REQUEST_ID_HEADER, requestIdOf } from "./request-id";
import { appRouter } from "./root";
import { webhookHandlerFor } from "./webhooks/index";

/**
 * The API's HTTP server, not yet listening (tests listen on port 0):
 *   /trpc/*       the tRPC router (the dashboard's API)
 *   GET /healthz  liveness: the process answers (no database call); /livez is the same
 *   GET /readyz   this process can serve: database reachable, migrations current
 *   GET /statusz  the deployment at a glance: database, migrations and worker heartbeat
 *   GET /metrics  Prometheus metrics, when a registry is given
 *   GET /exports/people.csv  the directory's people matching its filters, as CSV (a session's download)
 *   /webhooks/<provider>/*   providers' webhooks (see webhooks/index.ts), e.g. POST /webhooks/lever/<connectionId>,
 *                 POST /webhooks/bamboohr/<connectionId>
 *   /api/v1/*     the public REST API (packages/public-api), /api/v1/openapi.json, /api/docs
 *   anything else the built dashboard, when one is given (production), else 404
 */
export interface ApiServerOptions {
  /** Prometheus registry: requests are counted into it and it is served at /metrics. */
  metrics?: Registry;
  dashboard?: DashboardHandler;
}

export function createApiServer(deps: ApiDeps, options: ApiServerOptions = {}): http.Server {
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: "/trpc/",
    createContext: ({ req }) =>
      createContext(deps, { cookieHeader: req.headers.cookie, requestId: req.headers[REQUEST_ID_HEADER] as string | undefined }),
    responseMeta({ ctx }) {
      const headers = new Headers({ "cache-control": "no-store" });
      for (const cookie of ctx?.responseCookies ?? []) headers.append("set-cookie", cookie);
      return { headers };
    },
    onError({ error, path, type, ctx }) {
      // Inputs are never logged: they carry passwords and invite tokens.
      const requestId = ctx?.requestId;
      if (error.code === "INTERNAL_SERVER_ERROR") deps.log.error({ err: error, path, type, requestId }, "tRPC procedure failed");
      else deps.log.debug({ code: error.code, path, type, requestId }, "tRPC procedure refused");
    },
  });

  const publicApi = publicApiListener({
    db: deps.db,
    log: deps.log,
    encryptionKey: deps.config.ENCRYPTION_KEY,
    rateLimitPerMinute: deps.config.API_RATE_LIMIT_PER_MINUTE,
    publicUrl: deps.config.PUBLIC_URL,
    connections: connectionDeps(deps),
  });

  const httpMetrics = options.metrics ? createHttpMetrics(options.metrics) : null;

  return http.createServer((req, res) => {
    const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    // Normalised in place, so every handler below (tRPC's context, the public API) reads the same id.
    const requestId = requestIdOf(req);
    req.headers[REQUEST_ID_HEADER] = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    if (httpMetrics) {
      const started = process.hrtime.bigint();
      res.once("finish", () =>
        httpMetrics.observe({
          route: routeLabel(pathname),
          method: req.method ?? "GET",
          status: res.statusCode,
          seconds: Number(process.hrtime.bigint() - started) / 1e9,
        }),
      );
    }

    if (pathname.startsWith("/trpc/")) return trpc(req, res);

    if (pathname.startsWith("/api/")) return publicApi(req, res);

    // Liveness answers from the process alone: a slow or lost database must not get it restarted.
    if (pathname === "/healthz" || pathname === "/livez") return sendJson(res, 200, { ok: true });

    if (pathname === "/readyz") {
      void checkReadiness(deps.db).then((report) => sendJson(res, report.ok ? 200 : 503, report));
      return;
    }

    if (pathname === "/statusz") {
      if (req.method !== "GET" && req.method !== "HEAD") return sendJson(res, 405, { error: "Use GET" });
      void checkHealth(deps.db).then((report) => sendJson(res, report.ok ? 200 : 503, report));
      return;
    }

    if (pathname === "/exports/people.csv") {
      servePeopleExport(req, res, deps).catch((err: unknown) => {
        deps.log.error({ err }, "people export failed");
        if (!res.headersSent) sendJson(res, 500, { error: "The export failed; try again." });
      });
      return;
    }

    if (pathname === "/metrics" && options.metrics) return serveMetrics(options.metrics, res);

    const webhook = /^\/webhooks\/([a-z0-9-]+)(?:\/(.*))?$/.exec(pathname);
    const handler = webhook?.[1] ? webhookHandlerFor(webhook[1], deps) : undefined;
    if (handler) {
      handler(req, res, deps, webhook?.[2] ?? "").catch((err: unknown) => {
        deps.log.error({ err, path: pathname }, "webhook handler failed");
        if (!res.headersSent) sendJson(res, 500, { error: "Webhook handling failed" });
      });
      return;
    }

    const connectPage = /^\/connect\/([^/]+)$/.exec(pathname);
    if (connectPage?.[1] && options.dashboard && (req.method === "GET" || req.method === "HEAD")) {
      const dashboard = options.dashboard;
      // Only the origins named when the link was made may frame it.
      void connectPageFrameAncestors(deps.db, connectPage[1]).then(
        (policy) => {
          res.setHeader("Content-Security-Policy", policy);
          dashboard(req, res);
        },
        (err: unknown) => {
          deps.log.error({ err }, "connect page lookup failed");
          sendJson(res, 500, { error: "Could not load this page" });
        },
      );
      return;
    }

    if (options.dashboard && (req.method === "GET" || req.method === "HEAD")) return options.dashboard(req, res);

    sendJson(res, 404, { error: `Nothing at ${pathname}` });
  });
}
