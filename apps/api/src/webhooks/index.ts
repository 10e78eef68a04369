import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiDeps } from "../context";
import { leverWebhook } from "./lever";

/** `rest` is the path after /webhooks/<provider>/ (for Lever, the connection id); "" when none. */
export type WebhookHandler = (req: IncomingMessage, res: ServerResponse, deps: ApiDeps, rest: string) => Promise<void>;

/**
 * Providers' webhooks, by the path segment after /webhooks/:
 *   POST /webhooks/lever/<connectionId>  Lever's signed deliveries (webhooks/lever.ts)
 */
export const webhookHandlers: Record<string, WebhookHandler> = {
  lever: leverWebhook,
};
