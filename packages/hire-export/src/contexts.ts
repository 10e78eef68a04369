import { type ConnectorContext, createActionContext, createConnectorContext } from "@roster/core";
import type { Logger } from "@roster/logger";
import { atsLimiterFor } from "./ats-limiter";
import type { HireSourceConnector } from "./connection";
import type { HttpOptions } from "./deps";
import type { ExportTarget } from "./target";

/**
 * A context for the ATS side of a connection. With `connectionId`, it spends the connection's
 * shared rate budget (exports of one connection run in parallel); without, a budget of its own
 * (a one-off check such as Verify).
 */
export function sourceContext(
  connector: HireSourceConnector,
  credentials: unknown,
  log: Logger,
  http: HttpOptions = {},
  signal?: AbortSignal,
  connectionId?: string,
): ConnectorContext<any> {
  const { rateLimits, ...options } = http;
  const configured = rateLimits?.[connector.manifest.id];
  const rate = configured ?? connector.manifest.rateLimit;
  return createConnectorContext(connector, credentials, {
    log,
    ...options,
    ...(configured ? { rateLimit: configured } : {}),
    ...(connectionId && rate ? { limiter: atsLimiterFor(connectionId, rate) } : {}),
    ...(signal ? { signal } : {}),
  });
}

/** A context for the target's importHire, with the credentials it runs with. */
export function targetContext(target: ExportTarget, log: Logger, http: HttpOptions = {}, signal?: AbortSignal) {
  const { rateLimits, ...options } = http;
  const configured = rateLimits?.[target.connector.manifest.id];
  return createActionContext(target.connector, target.action, target.credentials, {
    log,
    ...options,
    ...(configured ? { rateLimit: configured } : {}),
    ...(signal ? { signal } : {}),
  });
}
