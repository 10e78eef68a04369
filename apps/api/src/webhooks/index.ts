import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiDeps } from "../context";

export type WebhookHandler = (req: IncomingMessage, res: ServerResponse, deps: ApiDeps) => Promise<void>;

/**
 * Providers' webhooks, by the path segment after /webhooks/ (e.g. "lever" for
 * /webhooks/lever). Empty until the Lever issue adds its handler here.
 */
export const webhookHandlers: Record<string, WebhookHandler> = {};
