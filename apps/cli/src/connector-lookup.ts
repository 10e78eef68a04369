import type { Connector } from "@roster/core";
import { connectors, findConnector } from "@roster/registry";
import { notFound } from "./exit-codes";

/** An installed connector by id, or exit 3 listing what is installed. */
export function connectorById(id: string): Connector {
  const connector = findConnector(id);
  if (connector) return connector;
  throw notFound(
    `No connector "${id}" is installed (installed: ${connectors.map((c) => c.manifest.id).join(", ") || "none"}).`,
    "`roster connectors` lists them; `roster new-connector <name>` starts a new one.",
  );
}
