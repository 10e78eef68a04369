import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { RawBuilder } from "@roster/db";
import type { Context } from "hono";
import { hasScope, requireScope } from "../auth/authenticate";
import type { PublicApiEnv } from "../context";
import { ProblemError } from "../http/problem";
import { decodeCursor, encodeCursor, queryFingerprint } from "../list/cursor";
import { readOne, readPage, shapeKey } from "../list/read-page";
import type { ResourceDefinition, ShapeOptions } from "../resources/resource";
import { problemResponses } from "./problem-responses";

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 100;

const flag = (description: string) => z.enum(["true", "false"]).optional().openapi({ description });

function listQuery(resource: ResourceDefinition) {
  const shape: Record<string, z.ZodType> = {
    cursor: z.string().max(1000).optional().openapi({ description: "next_cursor of the previous page; absent for the first" }),
    page_size: z.coerce
      .number()
      .int()
      .min(1)
      .max(MAX_PAGE_SIZE)
      .optional()
      .openapi({ type: "integer", description: `Records per page, at most ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})` }),
  };
  if (resource.modifiedColumn) {
    shape.modified_after = z.iso
      .datetime({ offset: true })
      .optional()
      .openapi({ description: "Only records Roster changed after this instant (modified_at > it)" });
  }
  if (resource.softDeleted) shape.include_deleted = flag("Also records deleted at the provider (remote_deleted_at set)");
  Object.assign(shape, recordQuery(resource).shape);
  for (const filter of resource.filters) shape[filter.name] = filter.schema.openapi({ description: filter.description });
  return z.object(shape);
}

function recordQuery(resource: ResourceDefinition) {
  const shape: Record<string, z.ZodType> = {};
  if (resource.remoteData) shape.include_remote_data = flag("Add remote_data, the provider's raw record");
  if (resource.expandable) {
    shape.expand = z
      .string()
      .max(100)
      .optional()
      .openapi({ description: `Comma-separated relations to embed: ${resource.expandable.join(", ")}` });
  }
  return z.object(shape);
}

function shapeOptions(c: Context<PublicApiEnv>, resource: ResourceDefinition, query: Record<string, unknown>): ShapeOptions {
  const expand = new Set(
    String(query.expand ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );
  const unknown = [...expand].filter((name) => !resource.expandable?.includes(name));
  if (unknown.length > 0) {
    throw new ProblemError(
      400,
      "invalid_request",
      `expand accepts ${resource.expandable?.join(", ") ?? "nothing here"}; not ${unknown.join(", ")}.`,
    );
  }
  return { sensitive: hasScope(c.var.apiKey, "sensitive:read"), includeRemoteData: query.include_remote_data === "true", expand };
}

// Hono's types want an ArrayBuffer-backed Uint8Array; a Buffer is one at run time.
const json = (c: Context, body: Buffer) =>
  c.body(body as Uint8Array<ArrayBuffer>, 200, { "content-type": "application/json; charset=utf-8" });

/** GET /<path> and GET /<path>/{id} for one resource. */
export function registerResource(app: OpenAPIHono<PublicApiEnv>, resource: ResourceDefinition): void {
  const listSchema = z
    .object({
      data: z.array(resource.schema),
      next_cursor: z.string().nullable().openapi({ description: "Pass as cursor for the next page; null on the last" }),
    })
    .openapi(`${resource.name}List`);
  const tags = [resource.name];
  const security = [{ bearerAuth: [] }];

  app.openapi(
    createRoute({
      method: "get",
      path: `/${resource.path}`,
      operationId: `list${resource.name}s`,
      summary: `List ${resource.path.replace(/-/g, " ")}`,
      description: `${resource.description}. In id order; a walk by cursor returns every record that existed throughout it exactly once, even while a sync writes. Needs ${resource.scope}.`,
      tags,
      security,
      request: { query: listQuery(resource) },
      responses: {
        200: { description: "A page", content: { "application/json": { schema: listSchema } } },
        ...problemResponses,
      },
    }),
    (async (c: Context<PublicApiEnv>) => {
      const key = requireScope(c, resource.scope);
      const query = (c.req as unknown as { valid(t: "query"): Record<string, unknown> }).valid("query");
      const shape = shapeOptions(c, resource, query);
      const conditions: RawBuilder<boolean>[] = [];
      const filterValues: Record<string, unknown> = {};
      for (const filter of resource.filters) {
        const value = query[filter.name];
        if (value === undefined) continue;
        filterValues[filter.name] = value;
        conditions.push(filter.where(value));
      }
      const modifiedAfter = typeof query.modified_after === "string" ? query.modified_after : null;
      const includeDeleted = query.include_deleted === "true";
      const fingerprint = queryFingerprint({ ...filterValues, modifiedAfter, includeDeleted, resource: resource.path });
      const after = decodeCursor(query.cursor as string | undefined, fingerprint);
      const pageSize = Number(query.page_size ?? DEFAULT_PAGE_SIZE);
      const read = (after: string | null) =>
        readPage(c.var.deps.db, resource, {
          organisationId: key.organisationId,
          shape,
          conditions,
          modifiedAfter,
          includeDeleted,
          after,
          pageSize,
          nextCursor: (lastId) => encodeCursor(lastId, fingerprint),
        });
      // A walk's next page is read ahead (list/read-ahead.ts), keyed by everything that shapes it.
      const walk = `${key.id}|${key.organisationId}|${resource.path}|${fingerprint}|${pageSize}|${shapeKey(shape)}|`;
      const ahead = after === null ? undefined : c.var.readAhead.take(walk + after);
      const page = (ahead && (await ahead.catch(() => null))) || (await read(after));
      if (after !== null && page.lastId !== null) {
        const next = page.lastId;
        // After this response is written: sending the next page's query first hands the core to the database while the client waits.
        setImmediate(() => c.var.readAhead.readAhead(walk + next, () => read(next)));
      }
      return json(c, page.body);
    }) as never,
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `/${resource.path}/{id}`,
      operationId: `get${resource.name}`,
      summary: `Get one ${resource.name}`,
      description: `Deleted records are returned too, with remote_deleted_at set. Needs ${resource.scope}.`,
      tags,
      security,
      request: {
        params: z.object({ id: z.uuid().openapi({ description: `The ${resource.name}'s id` }) }),
        query: recordQuery(resource),
      },
      responses: {
        200: { description: `The ${resource.name}`, content: { "application/json": { schema: resource.schema } } },
        ...problemResponses,
      },
    }),
    (async (c: Context<PublicApiEnv>) => {
      const key = requireScope(c, resource.scope);
      const valid = c.req as unknown as { valid(t: "query" | "param"): Record<string, unknown> };
      const shape = shapeOptions(c, resource, valid.valid("query"));
      const { id } = valid.valid("param") as { id: string };
      const record = await readOne(c.var.deps.db, resource, key.organisationId, id, shape);
      if (record === null) throw new ProblemError(404, "not_found", `No ${resource.name} ${id} in this organisation.`);
      return json(c, record);
    }) as never,
  );
}
