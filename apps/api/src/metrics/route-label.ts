import { permissions } from "../auth/permissions";
import { webhookProviders } from "../webhooks/index";

const PUBLIC_API_RESOURCE = /^\/api\/v1\/([a-z-]+)(\/[^/]+)?$/;
const PUBLIC_API_RESOURCES = new Set([
  "employees",
  "employments",
  "departments",
  "locations",
  "custom-fields",
  "connections",
  "sync-runs",
  "hire-transfers",
  "webhook-endpoints",
]);
const WEBHOOK_PROVIDERS = webhookProviders();
const FIXED_ROUTES = new Set([
  "/healthz",
  "/readyz",
  "/livez",
  "/statusz",
  "/metrics",
  "/api/v1/openapi.json",
  "/exports/people.csv",
]);

/**
 * The route pattern a request is counted under. Only names Roster knows become labels (tRPC
 * procedures, public API resources, webhook providers): a label per raw path would let any
 * client create unbounded series.
 */
export function routeLabel(pathname: string): string {
  if (FIXED_ROUTES.has(pathname)) return pathname;
  if (pathname.startsWith("/trpc/")) {
    const procedures = pathname.slice("/trpc/".length);
    if (procedures.includes(",")) return "/trpc/(batch)";
    return Object.hasOwn(permissions, procedures) ? `/trpc/${procedures}` : "/trpc/(unknown)";
  }
  if (pathname.startsWith("/api/docs")) return "/api/docs";
  const resource = PUBLIC_API_RESOURCE.exec(pathname);
  if (resource?.[1] && PUBLIC_API_RESOURCES.has(resource[1])) return `/api/v1/${resource[1]}${resource[2] ? "/:id" : ""}`;
  if (pathname.startsWith("/api/")) return "/api/(other)";
  const webhook = /^\/webhooks\/([a-z0-9-]+)/.exec(pathname);
  if (webhook?.[1]) return WEBHOOK_PROVIDERS.has(webhook[1]) ? `/webhooks/${webhook[1]}` : "/webhooks/(unknown)";
  return "(dashboard)";
}
