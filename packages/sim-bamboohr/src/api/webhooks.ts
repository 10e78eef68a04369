import { toTimestamp } from "../dates";
import { ALL_FIELDS } from "../fields/resolve";
import { ApiError } from "../http/api-error";
import { parseJson } from "../http/body";
import { json, type SimResponse } from "../http/respond";
import type { Webhook } from "../webhooks/registry";
import { checkWebhook } from "../webhooks/validate";
import type { ApiContext } from "./context";

/** Webhook endpoints answer errors with `{"errors":[…]}` bodies (reference §1.4, §5.1). */
const fail = (status: number, error: Record<string, unknown>) =>
  new ApiError(status, String(error.error), json({ errors: [error] }, status));

function enabled(ctx: ApiContext): void {
  if (!ctx.company.data.settings.webhooksEnabled) throw fail(403, { error: "Webhooks are not enabled for this company" });
}

const format = (sec: number | null) => (sec === null ? null : toTimestamp(sec).slice(0, 19).replace("T", " "));

function describe(webhook: Webhook, withKey = false) {
  return {
    id: webhook.id,
    name: webhook.name,
    created: format(webhook.createdSec),
    lastSent: format(webhook.lastSentSec),
    monitorFields: webhook.monitorFields,
    postFields: webhook.postFields,
    url: webhook.url,
    format: webhook.format,
    ...(withKey ? { privateKey: webhook.privateKey } : {}),
    includeCompanyDomain: webhook.includeCompanyDomain,
    events: webhook.events,
  };
}

/** A webhook of this company; another user's is 403 (reference §5.1). */
function ownWebhook(ctx: ApiContext, id: string): Webhook {
  const webhook = ctx.state.webhooks.get(id);
  if (!webhook || webhook.companyDomain !== ctx.company.data.domain) throw fail(404, { error: `Webhook ${id} not found` });
  if (webhook.ownerUserId !== ctx.user.id) throw fail(403, { error: "This webhook belongs to another user" });
  return webhook;
}

/** GET /v1/webhooks/monitor_fields and /post-fields: fields by id, name and alias (null when none). */
export function webhookFields(ctx: ApiContext): SimResponse {
  enabled(ctx);
  return json({ fields: ALL_FIELDS.filter((f) => f.listed).map((f) => ({ id: String(f.id), name: f.name, alias: f.alias })) });
}

async function settingsFrom(ctx: ApiContext) {
  const check = checkWebhook(parseJson(await ctx.body()), ctx.access, ctx.state.behaviour.webhookHttpsOnly);
  if (check.ok) return check.settings;
  if (check.status === 400) throw fail(400, { error: "Invalid request body", issues: check.issues });
  const { monitorFields, postFields, unknownFields } = check;
  throw fail(403, { error: "You do not have access to some of these fields", monitorFields, postFields, unknownFields });
}

export async function createWebhook(ctx: ApiContext): Promise<SimResponse> {
  enabled(ctx);
  const settings = await settingsFrom(ctx);
  const webhook = ctx.state.webhooks.create(ctx.company.data.domain, ctx.user.id, settings, ctx.state.nowSec());
  return json(describe(webhook, true), 201);
}

export function listWebhooks(ctx: ApiContext): SimResponse {
  enabled(ctx);
  const own = ctx.state.webhooks.forCompany(ctx.company.data.domain).filter((w) => w.ownerUserId === ctx.user.id);
  return json({
    webhooks: own.map((w) => ({
      id: w.id,
      name: w.name,
      created: format(w.createdSec),
      lastSent: format(w.lastSentSec),
      url: w.url,
    })),
  });
}

export function getWebhook(ctx: ApiContext, params: Record<string, string>): SimResponse {
  enabled(ctx);
  return json(describe(ownWebhook(ctx, params.id ?? "")));
}

export async function replaceWebhook(ctx: ApiContext, params: Record<string, string>): Promise<SimResponse> {
  enabled(ctx);
  const webhook = ownWebhook(ctx, params.id ?? "");
  ctx.state.webhooks.replace(webhook.id, await settingsFrom(ctx));
  return json(describe(webhook));
}

export function deleteWebhook(ctx: ApiContext, params: Record<string, string>): SimResponse {
  enabled(ctx);
  ctx.state.webhooks.delete(ownWebhook(ctx, params.id ?? "").id);
  return { status: 200, body: "" };
}

/** GET /v1/webhooks/{id}/log: the simulator's delivery record (the real shape is not documented). */
export function webhookLog(ctx: ApiContext, params: Record<string, string>): SimResponse {
  enabled(ctx);
  const webhook = ownWebhook(ctx, params.id ?? "");
  return json({
    webhookId: webhook.id,
    deliveries: ctx.state.dispatcher.forWebhook(webhook.id).map((d) => ({
      event: d.event,
      employeeId: d.employeeId,
      attempts: d.attempts,
      statuses: d.statuses,
      lastAttempted: d.timestamps.length > 0 ? toTimestamp(d.timestamps.at(-1) as number) : null,
      delivered: d.delivered,
    })),
  });
}
