import type { Database, Db, Kysely } from "@roster/db";
import { decryptSecret, encryptSecret } from "@roster/secrets";
import { z } from "zod";
import { eventTypes } from "./event-types";
import { queuePendingDeliveries } from "./queue-deliveries";
import { generateSigningSecret } from "./signing";

export const endpointUrlSchema = z
  .url({ protocol: /^https?$/, error: "an http:// or https:// URL" })
  .max(2000)
  .refine((url) => !new URL(url).username && !new URL(url).password, "a URL without a user name or password in it");

export const endpointInputSchema = z.object({
  url: endpointUrlSchema,
  events: z.array(z.enum(eventTypes)).min(1, "at least one event").max(eventTypes.length),
  description: z.string().trim().max(200).nullable().default(null),
});
export type EndpointInput = z.input<typeof endpointInputSchema>;

export const endpointUpdateSchema = z.object({
  url: endpointUrlSchema.optional(),
  events: z.array(z.enum(eventTypes)).min(1).max(eventTypes.length).optional(),
  description: z.string().trim().max(200).nullable().optional(),
  enabled: z.boolean().optional(),
});
export type EndpointUpdate = z.input<typeof endpointUpdateSchema>;

export interface EndpointView {
  id: string;
  url: string;
  description: string | null;
  events: string[];
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** Who changed an endpoint: a person in the dashboard, or an API key. */
export interface EndpointActor {
  organisationId: string;
  userId: string | null;
  apiKeyId?: string;
}

const columns = ["id", "url", "description", "events", "enabled", "created_at", "updated_at"] as const;

function view(row: {
  id: string;
  url: string;
  description: string | null;
  events: string[];
  enabled: boolean;
  created_at: Date;
  updated_at: Date;
}): EndpointView {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events,
    enabled: row.enabled,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function audit(trx: Kysely<Database>, actor: EndpointActor, action: string, endpointId: string, details: object) {
  await trx
    .insertInto("audit_log")
    .values({
      organisation_id: actor.organisationId,
      actor_user_id: actor.userId,
      action,
      target_type: "webhook_endpoint",
      target_id: endpointId,
      details: JSON.stringify({ ...details, ...(actor.apiKeyId ? { api_key_id: actor.apiKeyId } : {}) }),
    })
    .execute();
}

/**
 * Registers an endpoint. The signing secret is returned here once and stored encrypted, bound
 * to the endpoint's row; nothing returns it again.
 */
export async function createEndpoint(
  db: Db,
  encryptionKey: string,
  actor: EndpointActor,
  rawInput: EndpointInput,
): Promise<{ endpoint: EndpointView; secret: string }> {
  const input = endpointInputSchema.parse(rawInput);
  const secret = generateSigningSecret();
  const id = crypto.randomUUID();
  const row = await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("webhook_endpoints")
      .values({
        id,
        organisation_id: actor.organisationId,
        url: input.url,
        description: input.description,
        events: [...new Set(input.events)],
        secret_encrypted: encryptSecret(secret, encryptionKey, `webhook_endpoint:${id}`),
        created_by: actor.userId,
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
    await audit(trx, actor, "webhook_endpoint.created", id, { url: input.url, events: inserted.events });
    return inserted;
  });
  return { endpoint: view(row), secret };
}

export async function listEndpoints(db: Db, organisationId: string): Promise<EndpointView[]> {
  const rows = await db
    .selectFrom("webhook_endpoints")
    .select(columns)
    .where("organisation_id", "=", organisationId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map(view);
}

export async function getEndpoint(db: Db, organisationId: string, endpointId: string): Promise<EndpointView | null> {
  const row = await db
    .selectFrom("webhook_endpoints")
    .select(columns)
    .where("organisation_id", "=", organisationId)
    .where("id", "=", endpointId)
    .executeTakeFirst();
  return row ? view(row) : null;
}

/** Changes an endpoint; turning it back on queues what waited meanwhile. Null when not found. */
export async function updateEndpoint(
  db: Db,
  actor: EndpointActor,
  endpointId: string,
  rawUpdate: EndpointUpdate,
): Promise<EndpointView | null> {
  const update = endpointUpdateSchema.parse(rawUpdate);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable("webhook_endpoints")
      .set({
        ...(update.url !== undefined ? { url: update.url } : {}),
        ...(update.events !== undefined ? { events: [...new Set(update.events)] } : {}),
        ...(update.description !== undefined ? { description: update.description } : {}),
        ...(update.enabled !== undefined ? { enabled: update.enabled } : {}),
        updated_at: new Date(),
      })
      .where("organisation_id", "=", actor.organisationId)
      .where("id", "=", endpointId)
      .returning(columns)
      .executeTakeFirst();
    if (!row) return null;
    await audit(trx, actor, "webhook_endpoint.updated", endpointId, update);
    if (update.enabled === true) await queuePendingDeliveries(trx, endpointId);
    return view(row);
  });
}

/** Deletes an endpoint and its delivery log. False when not found. */
export async function deleteEndpoint(db: Db, actor: EndpointActor, endpointId: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .deleteFrom("webhook_endpoints")
      .where("organisation_id", "=", actor.organisationId)
      .where("id", "=", endpointId)
      .returning("url")
      .executeTakeFirst();
    if (!row) return false;
    await audit(trx, actor, "webhook_endpoint.deleted", endpointId, { url: row.url });
    return true;
  });
}

/** The signing secret, for the delivery task only. */
export function endpointSecret(row: { id: string; secret_encrypted: string }, encryptionKey: string): string {
  return decryptSecret(row.secret_encrypted, encryptionKey, `webhook_endpoint:${row.id}`);
}
