import { bamboohr } from "@roster/connector-bamboohr";
import { lever } from "@roster/connector-lever";
import { zenefits } from "@roster/connector-zenefits";
import type { Connector } from "@roster/core";

/**
 * Every installed connector: the one place that lists them. Adding a provider is a new
 * connectors/<id> folder, its workspace dependency above, and one line here.
 */
export const connectors: readonly Connector[] = [
  zenefits as unknown as Connector,
  lever as unknown as Connector,
  bamboohr as unknown as Connector,
];

export function findConnector(id: string): Connector | undefined {
  return connectors.find((c) => c.manifest.id === id);
}

export function requireConnector(id: string): Connector {
  const connector = findConnector(id);
  if (!connector)
    throw new Error(`No connector "${id}" is installed (installed: ${connectors.map((c) => c.manifest.id).join(", ")})`);
  return connector;
}
