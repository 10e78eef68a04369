import { bamboohr } from "@roster/connector-bamboohr";
import { lever } from "@roster/connector-lever";
import { zenefits } from "@roster/connector-zenefits";
import type { Connector } from "@roster/core";

/**
 * A connector with its credential type erased (credentials are checked against its manifest's
 * schema where they enter); a connector's functions take its own credentials, so a list of
 * different connectors cannot keep each one's type.
 */
export type InstalledConnector = Connector<any>;

/**
 * Every installed connector: the one place that lists them. Adding a provider is a new
 * connectors/<id> folder, its workspace dependency above, and one line here.
 */
export const connectors: readonly InstalledConnector[] = [zenefits, lever, bamboohr] satisfies readonly InstalledConnector[];

export function findConnector(id: string): InstalledConnector | undefined {
  return connectors.find((c) => c.manifest.id === id);
}

export function requireConnector(id: string): InstalledConnector {
  const connector = findConnector(id);
  if (!connector)
    throw new Error(`No connector "${id}" is installed (installed: ${connectors.map((c) => c.manifest.id).join(", ")})`);
  return connector;
}
