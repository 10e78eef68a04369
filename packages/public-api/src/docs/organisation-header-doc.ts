import type { OpenAPIHono } from "@hono/zod-openapi";
import { PLATFORM_ROUTE_PREFIX } from "../auth/authenticate";
import { ORGANISATION_HEADER } from "../auth/organisation-header";
import type { PublicApiEnv } from "../context";

const PARAMETER = "RosterOrganisation";

/** The `Roster-Organisation` header as a reusable parameter, and the platform key as a second scheme. */
export function registerOrganisationHeader(v1: OpenAPIHono<PublicApiEnv>): void {
  v1.openAPIRegistry.registerComponent("parameters", PARAMETER, {
    name: ORGANISATION_HEADER,
    in: "header",
    required: false,
    description:
      "The organisation a platform key (rst_platform_…) acts on; required with a platform key on every organisation route. " +
      "An organisation's own key (rst_live_…) may omit it or name its own organisation only; naming another is refused with 403.",
    schema: { type: "string", format: "uuid" },
  });
  v1.openAPIRegistry.registerComponent("securitySchemes", "platformKey", {
    type: "http",
    scheme: "bearer",
    description:
      `A platform key (rst_platform_…) from \`roster platform-key create\`: acts on any organisation named in the \`${ORGANISATION_HEADER}\` header, ` +
      "with the same resources and scopes as an organisation's key; each call is written to that organisation's audit log as the platform's. " +
      "Only platform keys may use /organisations (provisioning).",
  });
}

type Operation = { parameters?: unknown[]; security?: Record<string, string[]>[] };
type Document = { paths?: object };

const methods = new Set(["get", "put", "post", "delete", "patch", "head", "options"]);

/** Every organisation route takes the header and either kind of key; /organisations takes platform keys only. */
export function documentOrganisationHeader<T extends Document>(document: T): T {
  const platformPrefix = PLATFORM_ROUTE_PREFIX.replace(/^\/api\/v1/, "");
  for (const [path, item] of Object.entries((document.paths ?? {}) as Record<string, Record<string, unknown>>)) {
    const platformOnly = path === platformPrefix || path.startsWith(`${platformPrefix}/`);
    for (const [method, value] of Object.entries(item)) {
      if (!methods.has(method)) continue;
      const operation = value as Operation;
      if (platformOnly) {
        operation.security = [{ platformKey: [] }];
        continue;
      }
      operation.parameters = [...(operation.parameters ?? []), { $ref: `#/components/parameters/${PARAMETER}` }];
      operation.security = [...(operation.security ?? [{ bearerAuth: [] }]), { platformKey: [] }];
    }
  }
  return document;
}
