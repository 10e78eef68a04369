import type { IncomingMessage, ServerResponse } from "node:http";
import type { Connector } from "@roster/core";
import { connectors as installedConnectors } from "@roster/registry";
import type { ApiDeps } from "../context";
import { connectorWebhook } from "./connector-webhook";
import { leverWebhook } from "./lever";

/** `rest` is the path after /webhooks/<provider>/ (the connection id); "" when none. */
export type WebhookHandler = (req: IncomingMessage, res: ServerResponse, deps: ApiDeps, rest: string) => Promise<void>;

/**
 * Providers whose webhooks do more than re-read records:
 *   POST /webhooks/lever/<connectionId>  Lever's signed deliveries, hire exports (webhooks/lever.ts)
 */
export const webhookHandlers: Record<string, WebhookHandler> = {
  lever: leverWebhook,
};

/**
 * The handler for /webhooks/<provider>/…: a provider above, else any installed connector with a
 * webhook handler (POST /webhooks/<connectorId>/<connectionId>, webhooks/connector-webhook.ts).
 */
export function webhookHandlerFor(provider: string, deps: ApiDeps): WebhookHandler | undefined {
  if (Object.hasOwn(webhookHandlers, provider)) return webhookHandlers[provider];
  const connectors: readonly Connector[] = deps.connections?.connectors ?? installedConnectors;
  const connector = connectors.find((c) => c.manifest.id === provider);
  const webhook = connector?.webhook;
  return connector && webhook ? connectorWebhook({ ...connector, webhook }) : undefined;
}
