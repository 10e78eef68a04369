import { type ConnectorContext, type ContextOptions, createActionContext, createConnectorContext } from "@roster/core";
import type { Logger } from "@roster/logger";
import type { HireSourceConnector } from "./connection";
import type { HttpOptions } from "./deps";
import type { ExportTarget } from "./target";

/**
 * A context for the ATS side of a connection. It spends the provider key's rate budget, shared
 * in the process with every other export, check and sync using the same key (core's
 * shared-limiters.ts): providers limit the key, not the job.
 */
export function sourceContext(
  connector: HireSourceConnector,
  credentials: unknown,
  log: Logger,
  http: HttpOptions = {},
  signal?: AbortSignal,
): ConnectorContext<any> {
  return createConnectorContext(connector, credentials, contextOptions(connector.manifest.id, log, http, signal));
}

/** A context for the target's importHire, with the credentials it runs with. */
export function targetContext(target: ExportTarget, log: Logger, http: HttpOptions = {}, signal?: AbortSignal) {
  const options = contextOptions(target.connector.manifest.id, log, http, signal);
  return createActionContext(target.connector, target.action, target.credentials, options);
}

/** The deployment's HTTP options for one connector: its configured rate, if any, else the manifest's. */
function contextOptions(connectorId: string, log: Logger, http: HttpOptions, signal?: AbortSignal): ContextOptions {
  const { rateLimits, ...options } = http;
  const configured = rateLimits?.[connectorId];
  return { log, ...options, ...(configured ? { rateLimit: configured } : {}), ...(signal ? { signal } : {}) };
}
