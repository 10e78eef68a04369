import type { Connector } from "@roster/core";
import { handleHireWebhook } from "@roster/hire-export";
import type { ApiDeps } from "../context";
import { sendJson } from "../http-json";
import type { WebhookHandler } from "./index";
import { readBody } from "./read-body";
import { receiveRecordWebhook } from "./record-webhook";

/** Change notifications name a few records and hire events one candidate; anything near a megabyte is neither. */
export const CONNECTOR_WEBHOOK_BODY_LIMIT = 1024 * 1024;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * POST /webhooks/<connectorId>/<connectionId> for any installed connector with a webhook
 * handler: the raw body (UTF-8, at most 1 MB, else 413) and headers go, unchanged, to
 * @roster/hire-export's handleHireWebhook for an ATS that supplies hires (202 export queued),
 * else to receiveRecordWebhook (202 records queued for a re-read); their status is the answer
 * with `{ message }`: 200 acknowledged, 400 not a delivery of that provider, 401 unknown
 * connection (or another connector's) or a bad, missing, stale or future signature, 409 replay,
 * 503 job queue not ready. A path without a connection id (or not an id at all) is a 404.
 */
export function connectorWebhook(connector: Connector & { webhook: NonNullable<Connector["webhook"]> }): WebhookHandler {
  const name = connector.manifest.name;
  return async (req, res, deps, rest) => {
    const connectionId = rest.replace(/\/+$/, "");
    if (!UUID.test(connectionId)) {
      const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
      return sendJson(res, 404, { error: `Nothing at ${pathname}` });
    }
    if (req.method !== "POST") {
      res.setHeader("allow", "POST");
      return sendJson(res, 405, { message: `${name} delivers webhooks with POST` });
    }
    const read = await readBody(req, CONNECTOR_WEBHOOK_BODY_LIMIT);
    if (!read.ok) {
      res.setHeader("connection", "close");
      sendJson(res, 413, { message: `The body is larger than ${CONNECTOR_WEBHOOK_BODY_LIMIT} bytes: not a ${name} delivery` });
      if (read.destroyed) res.on("finish", () => req.destroy());
      return;
    }
    const encryptionKey = deps.config.ENCRYPTION_KEY;
    if (!encryptionKey) {
      return sendJson(res, 503, { message: `This Roster server has no ENCRYPTION_KEY: it cannot check ${name}'s signatures` });
    }
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([header, value]) => [header, Array.isArray(value) ? value.join(", ") : value]),
    );
    const result = connector.hires
      ? await receiveHire(deps, connector.manifest.id, { encryptionKey, connectionId, body: read.body, headers })
      : await receiveRecordWebhook({ db: deps.db, encryptionKey, connector, connectionId, body: read.body, headers });
    deps.log.info({ connector: connector.manifest.id, connectionId, status: result.status }, "connector webhook delivery");
    sendJson(res, result.status, { message: result.message });
  };
}

/** A hire event, for a connection of the connector its URL names (any other is as unknown). */
async function receiveHire(
  deps: ApiDeps,
  connectorId: string,
  input: { encryptionKey: string; connectionId: string; body: string; headers: Record<string, string | undefined> },
): Promise<{ status: number; message: string }> {
  const connection = await deps.db
    .selectFrom("connections")
    .select("id")
    .where("id", "=", input.connectionId)
    .where("connector_id", "=", connectorId)
    .executeTakeFirst();
  if (!connection) return { status: 401, message: "Unknown connection or invalid signature" };
  return handleHireWebhook({ db: deps.db, ...input });
}
