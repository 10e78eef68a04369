import type { IncomingMessage, ServerResponse } from "node:http";
import type { Connector } from "@roster/core";
import { connectors as installedConnectors } from "@roster/registry";
import type { ApiDeps } from "../context";
import { connectorWebhook } from "./connector-webhook";

/** `rest` is the path after /webhooks/<provider>/ (the connection id); "" when none. */
export type WebhookHandler = (req: IncomingMessage, res: ServerResponse, deps: ApiDeps, rest: string) => Promise<void>;

/**
 * The handler for /webhooks/<provider>/…: any installed connector with a webhook handler
 * (POST /webhooks/<connectorId>/<connectionId>, webhooks/connector-webhook.ts), Lever's hire
 * events included.
 */
export function webhookHandlerFor(provider: string, deps: Pick<ApiDeps, "connections">): WebhookHandler | undefined {
  const connectors: readonly Connector[] = deps.connections?.connectors ?? installedConnectors;
  const connector = connectors.find((c) => c.manifest.id === provider);
  const webhook = connector?.webhook;
  return connector && webhook ? connectorWebhook({ ...connector, webhook }) : undefined;
}

/** Connectors whose webhooks the API receives: the metrics' route labels name only these. */
export function webhookProviders(connectors: readonly Connector[] = installedConnectors): Set<string> {
  return new Set(connectors.filter((c) => c.webhook).map((c) => c.manifest.id));
}
