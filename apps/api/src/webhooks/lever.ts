import { handleHireWebhook } from "@roster/hire-export";
import { sendJson } from "../http-json";
import type { WebhookHandler } from "./index";
import { readBody } from "./read-body";

/** Lever's deliveries are a few kilobytes; anything near a megabyte is not Lever. */
export const LEVER_WEBHOOK_BODY_LIMIT = 1024 * 1024;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * POST /webhooks/lever/<connectionId>: the raw body (UTF-8, at most 1 MB, else 413) and the
 * headers go unchanged to @roster/hire-export's handleHireWebhook, whose status is the answer
 * with `{ message }`: 202 export queued, 200 acknowledged, 400 not a Lever delivery, 401 unknown
 * connection or a bad, missing, stale or future signature, 409 replay, 503 job queue not ready.
 * A path without a connection id (or not an id at all) is the server's 404: there is nothing there.
 */
export const leverWebhook: WebhookHandler = async (req, res, deps, rest) => {
  const connectionId = rest.replace(/\/+$/, "");
  if (!UUID.test(connectionId)) {
    // Nothing lives here: the server's own 404 (the URL in Settings → Integrations → Lever ends with an id).
    const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    return sendJson(res, 404, { error: `Nothing at ${pathname}` });
  }
  if (req.method !== "POST") {
    res.setHeader("allow", "POST");
    return sendJson(res, 405, { message: "Lever delivers webhooks with POST" });
  }
  const read = await readBody(req, LEVER_WEBHOOK_BODY_LIMIT);
  if (!read.ok) {
    res.setHeader("connection", "close");
    sendJson(res, 413, { message: `The body is larger than ${LEVER_WEBHOOK_BODY_LIMIT} bytes: not a Lever delivery` });
    if (read.destroyed) res.on("finish", () => req.destroy());
    return;
  }
  const headers = Object.fromEntries(
    Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : value]),
  );
  const encryptionKey = deps.config.ENCRYPTION_KEY;
  if (!encryptionKey) {
    return sendJson(res, 503, { message: "This Roster server has no ENCRYPTION_KEY: it cannot check Lever's signatures" });
  }
  const result = await handleHireWebhook({ db: deps.db, encryptionKey, connectionId, body: read.body, headers });
  deps.log.info({ connectionId, status: result.status }, "Lever webhook delivery");
  sendJson(res, result.status, { message: result.message });
};
