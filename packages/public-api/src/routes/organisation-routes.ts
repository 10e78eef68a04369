import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { AlreadyMemberError } from "@roster/accounts";
import type { Context } from "hono";
import type { PublicApiEnv } from "../context";
import { ProblemError } from "../http/problem";
import { cancelErasure, ERASURE_GRACE_DAYS, scheduleErasure } from "../provisioning/organisation-erasure";
import {
  getOrganisation,
  listOrganisations,
  type OrganisationView,
  provisionOrganisation,
  setOrganisationActive,
} from "../provisioning/organisations";
import { inviteOwner } from "../provisioning/owner-invite";
import { timestamp, uuid } from "../resources/model-shape";
import { problemResponses } from "./problem-responses";

export const organisationSchema = z
  .object({
    id: uuid(),
    name: z.string(),
    external_ref: z.string().nullable().openapi({ description: "The platform's own id for this customer" }),
    status: z.enum(["active", "deactivated"]),
    created_at: timestamp(),
    deactivated_at: timestamp().nullable(),
  })
  .openapi("Organisation");

const externalRef = z.string().trim().min(1).max(200);
const organisationInput = z
  .object({ name: z.string().trim().min(1).max(200), external_ref: externalRef })
  .openapi("OrganisationInput");
const ownerInviteInput = z.object({ email: z.email().transform((e) => e.toLowerCase()) }).openapi("OwnerInviteInput");
const ownerInviteSchema = z
  .object({
    invite_id: uuid(),
    email: z.string(),
    invite_url: z.string().openapi({ description: "Also emailed to the address; works once" }),
    expires_at: timestamp(),
  })
  .openapi("OwnerInvite");

const toJson = (o: OrganisationView) => ({
  id: o.id,
  name: o.name,
  external_ref: o.externalRef,
  status: o.deactivatedAt ? ("deactivated" as const) : ("active" as const),
  created_at: o.createdAt.toISOString(),
  deactivated_at: o.deactivatedAt?.toISOString() ?? null,
});

const tags = ["Organisation"];
const security = [{ platformKey: [] }];
const idParam = z.object({ id: uuid() });
const valid = (c: Context<PublicApiEnv>) => c.req as unknown as { valid(t: "json" | "param" | "query"): any };
const encodeCursor = (id: string) => Buffer.from(id).toString("base64url");
const decodeCursor = (cursor: string) => {
  const id = Buffer.from(cursor, "base64url").toString();
  if (!z.uuid().safeParse(id).success)
    throw new ProblemError(400, "invalid_cursor", "This cursor was not issued by /organisations.");
  return id;
};

/** Provisioning is deployment-wide: organisation keys (even an owner's) are refused. */
function platformKeyOf(c: Context<PublicApiEnv>): string {
  const caller = c.var.caller;
  if (caller.kind !== "platform") {
    throw new ProblemError(403, "forbidden", "Only a platform key (rst_platform_…) may provision organisations.");
  }
  return caller.keyId;
}

async function existing(c: Context<PublicApiEnv>, id: string): Promise<OrganisationView> {
  const organisation = await getOrganisation(c.var.deps.db, id);
  if (!organisation) throw new ProblemError(404, "not_found", `No organisation ${id}.`);
  return organisation;
}

/** /organisations: a platform creates, finds, invites owners to and deactivates its customers' organisations. */
export function registerOrganisationRoutes(app: OpenAPIHono<PublicApiEnv>): void {
  app.openapi(
    createRoute({
      method: "post",
      path: "/organisations",
      operationId: "createOrganisation",
      summary: "Create an organisation for a customer (idempotent on external_ref)",
      description:
        "The same external_ref always yields the same organisation: 201 when created, 200 with the existing one after.",
      tags,
      security,
      request: { body: { content: { "application/json": { schema: organisationInput } }, required: true } },
      responses: {
        200: {
          description: "Already existed for this external_ref",
          content: { "application/json": { schema: organisationSchema } },
        },
        201: { description: "Created", content: { "application/json": { schema: organisationSchema } } },
        ...problemResponses,
      },
    }),
    (async (c: Context<PublicApiEnv>) => {
      const platformKeyId = platformKeyOf(c);
      const body = valid(c).valid("json");
      const { organisation, created } = await provisionOrganisation(c.var.deps.db, platformKeyId, {
        name: body.name,
        externalRef: body.external_ref,
      });
      return c.json(toJson(organisation), created ? 201 : 200);
    }) as never,
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/organisations",
      operationId: "listOrganisations",
      summary: "List organisations, or look one up by external_ref",
      tags,
      security,
      request: {
        query: z.object({
          external_ref: externalRef.optional(),
          page_size: z.coerce.number().int().min(1).max(500).default(100),
          cursor: z.string().optional(),
        }),
      },
      responses: {
        200: {
          description: "A page of organisations in id order",
          content: {
            "application/json": { schema: z.object({ data: z.array(organisationSchema), next_cursor: z.string().nullable() }) },
          },
        },
        ...problemResponses,
      },
    }),
    (async (c: Context<PublicApiEnv>) => {
      platformKeyOf(c);
      const query = valid(c).valid("query");
      const rows = await listOrganisations(c.var.deps.db, {
        externalRef: query.external_ref,
        after: query.cursor ? decodeCursor(query.cursor) : undefined,
        limit: query.page_size + 1,
      });
      const page = rows.slice(0, query.page_size);
      const next = rows.length > query.page_size ? encodeCursor(page[page.length - 1]!.id) : null;
      return c.json({ data: page.map(toJson), next_cursor: next }, 200);
    }) as never,
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/organisations/{id}",
      operationId: "getOrganisation",
      summary: "Get an organisation",
      tags,
      security,
      request: { params: idParam },
      responses: {
        200: { description: "The organisation", content: { "application/json": { schema: organisationSchema } } },
        ...problemResponses,
      },
    }),
    (async (c: Context<PublicApiEnv>) => {
      platformKeyOf(c);
      return c.json(toJson(await existing(c, valid(c).valid("param").id)), 200);
    }) as never,
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/organisations/{id}/owner-invites",
      operationId: "inviteOrganisationOwner",
      summary: "Set the owner by email: sends an owner invite",
      description:
        "Replaces any open invite for that email. The invitee becomes an owner on accepting (with a new or existing Roster account).",
      tags,
      security,
      request: { params: idParam, body: { content: { "application/json": { schema: ownerInviteInput } }, required: true } },
      responses: {
        201: { description: "Invite created and emailed", content: { "application/json": { schema: ownerInviteSchema } } },
        ...problemResponses,
        409: problemResponses[400],
        503: problemResponses[400],
      },
    }),
    (async (c: Context<PublicApiEnv>) => {
      const platformKeyId = platformKeyOf(c);
      const organisation = await existing(c, valid(c).valid("param").id);
      const publicUrl = c.var.deps.publicUrl;
      if (!publicUrl) throw new ProblemError(503, "unavailable", "This server has no PUBLIC_URL, which invite links need.");
      const { email } = valid(c).valid("json");
      try {
        const invite = await inviteOwner(c.var.deps.db, { platformKeyId, organisationId: organisation.id, email, publicUrl });
        return c.json(
          { invite_id: invite.inviteId, email, invite_url: invite.link, expires_at: invite.expiresAt.toISOString() },
          201,
        );
      } catch (error) {
        if (error instanceof AlreadyMemberError) throw new ProblemError(409, "conflict", error.message);
        throw error;
      }
    }) as never,
  );

  for (const [action, active] of [
    ["deactivate", false],
    ["reactivate", true],
  ] as const) {
    app.openapi(
      createRoute({
        method: "post",
        path: `/organisations/{id}/${action}`,
        operationId: `${action}Organisation`,
        summary: active
          ? "Reactivate an organisation: syncs resume, a pending deletion is cancelled"
          : "Deactivate an organisation: syncs stop, data is kept",
        tags,
        security,
        request: { params: idParam },
        responses: {
          200: {
            description: "The organisation after the change",
            content: { "application/json": { schema: organisationSchema } },
          },
          ...problemResponses,
        },
      }),
      (async (c: Context<PublicApiEnv>) => {
        const platformKeyId = platformKeyOf(c);
        const { id } = valid(c).valid("param");
        const organisation = await setOrganisationActive(c.var.deps.db, platformKeyId, id, active);
        if (!organisation) throw new ProblemError(404, "not_found", `No organisation ${id}.`);
        if (active) await cancelErasure(c.var.deps.db, id);
        return c.json(toJson(organisation), 200);
      }) as never,
    );
  }

  app.openapi(
    createRoute({
      method: "delete",
      path: "/organisations/{id}",
      operationId: "deleteOrganisation",
      summary: "Delete an organisation: deactivated now, erased after a grace period",
      description: `Its data is erased ${ERASURE_GRACE_DAYS} days later unless it is reactivated first; a record of the erasure is kept.`,
      tags,
      security,
      request: { params: idParam },
      responses: {
        202: {
          description: "Deletion scheduled (or already scheduled)",
          content: {
            "application/json": {
              schema: z.object({ id: uuid(), status: z.literal("deletion_scheduled"), erase_after: timestamp() }),
            },
          },
        },
        ...problemResponses,
      },
    }),
    (async (c: Context<PublicApiEnv>) => {
      const platformKeyId = platformKeyOf(c);
      const { id } = valid(c).valid("param");
      const scheduled = await scheduleErasure(c.var.deps.db, platformKeyId, id);
      if (!scheduled) throw new ProblemError(404, "not_found", `No organisation ${id}.`);
      return c.json({ id, status: "deletion_scheduled" as const, erase_after: scheduled.eraseAfter.toISOString() }, 202);
    }) as never,
  );
}
